package io.netflixlakehouse.quality.messaging;

import static io.netflixlakehouse.quality.messaging.Records.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.QuarantineRecord.RuleFailure;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RawRecordRouterTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MeterRegistry registry;

    private InMemorySource<Message<?>> raw;
    private InMemorySink<Object> out;

    @BeforeEach
    void connect() {
        raw = connector.source("titles-raw");
        out = connector.sink("titles-checked");
        out.clear();
    }

    @Test
    void shouldSendAGoodRecordToValidatedKeyedByShowIdAndAckTheInputAfterTheOutput() {
        double before = routed("validated");
        Records.Tracked input = new Records.Tracked(Records.raw("id-good", Records.goodFields("s1")));

        raw.send(input.message);

        await(() -> out.received().size() == 1, "one output");
        Message<Object> output = out.received().get(0);
        assertThat(output.getPayload()).isInstanceOf(ValidatedRecord.class);
        ValidatedRecord validated = (ValidatedRecord) output.getPayload();
        assertThat(validated.id()).isEqualTo("id-good");
        assertThat(validated.warnings()).isEmpty();
        assertThat(validated.ruleSetVersion()).isEqualTo("titles-v1");
        assertThat(topicAndKey(output)).containsExactly(Topics.TITLES_VALIDATED, "s1");
        // The in-memory sink acknowledges what it receives; that acknowledgement reaches the input.
        await(input.acked::isDone, "input ack");
        assertThat(input.nacked.get()).isNull();
        assertThat(routed("validated")).isEqualTo(before + 1);
    }

    @Test
    void shouldSendABadRecordToQuarantineWithReasonsAndValues() {
        double failedBefore = ruleOutcome("rating_is_not_a_duration", "failed");
        Map<String, String> fields = Records.goodFields("s5542");
        fields.put("rating", "74 min");
        fields.put("duration", null);
        Records.Tracked input = new Records.Tracked(Records.raw("id-bad", fields));

        raw.send(input.message);

        await(() -> out.received().size() == 1, "one output");
        Message<Object> output = out.received().get(0);
        assertThat(output.getPayload()).isInstanceOf(QuarantineRecord.class);
        QuarantineRecord quarantined = (QuarantineRecord) output.getPayload();
        assertThat(quarantined.id()).isEqualTo("id-bad");
        assertThat(quarantined.ruleSetVersion()).isEqualTo("titles-v1");
        assertThat(quarantined.fields()).isEqualTo(fields);
        assertThat(quarantined.lineage().sourceUrl()).isEqualTo(Records.URL);
        assertThat(quarantined.failures()).containsExactly(new RuleFailure("rating_is_not_a_duration",
                "rating IS NULL OR rating NOT LIKE '% min'", "quarantine", Map.of("rating", "74 min")));
        assertThat(topicAndKey(output)).containsExactly(Topics.TITLES_QUARANTINE, "s5542");
        await(input.acked::isDone, "input ack");
        assertThat(ruleOutcome("rating_is_not_a_duration", "failed")).isEqualTo(failedBefore + 1);
    }

    @Test
    void shouldSendARecordFailingOnlyAWarnRuleToValidatedWithTheWarning() {
        Map<String, String> fields = Records.goodFields("s6067");
        fields.put("date_added", null);
        Records.Tracked input = new Records.Tracked(Records.raw("id-warn", fields));

        raw.send(input.message);

        await(() -> out.received().size() == 1, "one output");
        Message<Object> output = out.received().get(0);
        assertThat(((ValidatedRecord) output.getPayload()).warnings()).containsExactly("date_added_present");
        assertThat(topicAndKey(output)).containsExactly(Topics.TITLES_VALIDATED, "s6067");
        await(input.acked::isDone, "input ack");
    }

    @Test
    void shouldQuarantineARecordWithoutKeyUnderANullKafkaKey() {
        Map<String, String> fields = Records.goodFields(null);
        Records.Tracked input = new Records.Tracked(Records.raw("id-nokey", fields));

        raw.send(input.message);

        await(() -> out.received().size() == 1, "one output");
        Message<Object> output = out.received().get(0);
        assertThat(((QuarantineRecord) output.getPayload()).failures()).extracting(RuleFailure::rule).containsExactly("valid_show_id");
        assertThat(topicAndKey(output)).containsExactly(Topics.TITLES_QUARANTINE, null);
    }

    private static Object[] topicAndKey(Message<Object> output) {
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = output.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        return new Object[] {metadata.getTopic(), metadata.getKey()};
    }

    private double routed(String routing) {
        return registry.get("lakehouse.quality.records.routed").tag("dataset", "titles").tag("routing", routing).counter().count();
    }

    private double ruleOutcome(String rule, String outcome) {
        return registry.get("lakehouse.quality.rule.evaluations").tag("dataset", "titles").tag("rule", rule)
                .tag("outcome", outcome).counter().count();
    }
}
