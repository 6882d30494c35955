package io.netflixlakehouse.quality.messaging;

import static io.netflixlakehouse.quality.messaging.Records.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.quality.domain.FlowStoppedException;
import io.netflixlakehouse.quality.domain.StopReason;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FailRuleTest.WithFailRule.class)
class FailRuleTest {

    /** Adds an expectation whose action is fail to the shipped titles rules. */
    public static class WithFailRule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "lakehouse.quality.datasets.titles.rules.no_future_titles.expression", "CAST(release_year AS INT) <= 2030",
                    "lakehouse.quality.datasets.titles.rules.no_future_titles.action", "fail");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void shouldNackARecordFailingAFailRuleAndEmitNothing() {
        InMemorySource<Message<?>> raw = connector.source("titles-raw");
        InMemorySink<Object> out = connector.sink("titles-checked");
        out.clear();
        Map<String, String> fields = Records.goodFields("s9999");
        fields.put("release_year", "2099");
        Records.Tracked input = new Records.Tracked(Records.raw("id-future", fields));

        raw.send(input.message);

        await(() -> input.nacked.get() != null, "input nack");
        assertThat(input.nacked.get()).isInstanceOfSatisfying(FlowStoppedException.class, e -> {
            assertThat(e.reason()).isEqualTo(StopReason.EXPECTATION_FAILED);
            assertThat(e.getMessage())
                    .contains("dataset 'titles'")
                    .contains("rule 'no_future_titles'")
                    .contains("record id id-future")
                    .contains("url " + Records.URL)
                    .contains("{release_year=2099}");
        });
        assertThat(input.acked).isNotDone();
        assertThat(out.received()).isEmpty();
    }
}
