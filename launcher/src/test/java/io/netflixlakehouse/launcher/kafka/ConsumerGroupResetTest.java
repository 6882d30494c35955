package io.netflixlakehouse.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsumerGroupResetTest {

    @Test
    void shouldRecogniseKafkaStreamsInternalTopicsOfTheGroup() {
        assertThat(ConsumerGroupReset.isInternalTopic("lakehouse-curation",
                "lakehouse-curation-gold-by-type-age-country-repartition")).isTrue();
        assertThat(ConsumerGroupReset.isInternalTopic("lakehouse-curation",
                "lakehouse-curation-KSTREAM-AGGREGATE-STATE-STORE-0000000004-changelog")).isTrue();
    }

    @Test
    void shouldTreatPipelineTopicsAndOtherGroupsTopicsAsInputs() {
        assertThat(ConsumerGroupReset.isInternalTopic("lakehouse-curation", "netflix.titles.validated.v1")).isFalse();
        assertThat(ConsumerGroupReset.isInternalTopic("lakehouse-quality",
                "lakehouse-curation-x-repartition")).isFalse();
    }
}
