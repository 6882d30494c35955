package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageThroughputTest {

    private static StageSample at(long millis, long committed, long lag) {
        return new StageSample(millis, Map.of("g", committed), Map.of("g", lag));
    }

    @Test
    void shouldDivideTheCommittedRecordsByTheTimeTheGroupMoved() {
        List<StageSample> samples = List.of(at(0, 0, 0), at(1000, 0, 500), at(2000, 400, 100), at(3000, 1000, 0),
                at(4000, 1000, 0), at(5000, 1000, 0));

        StageThroughput throughput = StageThroughput.of(List.of("g"), samples).get("g");

        assertThat(throughput.records()).isEqualTo(1000);
        assertThat(throughput.activeMillis()).isEqualTo(2000);
        assertThat(throughput.recordsPerSecond()).isEqualTo(500.0);
    }

    @Test
    void shouldReportZeroForAGroupThatNeverMoved() {
        StageThroughput throughput = StageThroughput.of(List.of("g"), List.of(at(0, 7, 0), at(1000, 7, 0))).get("g");

        assertThat(throughput.records()).isZero();
        assertThat(throughput.recordsPerSecond()).isZero();
    }

    @Test
    void shouldSeeADrainedSampleOnlyWhenEveryGroupIsAtLagZero() {
        assertThat(new StageSample(0, Map.of(), Map.of("a", 0L, "b", 0L)).drained()).isTrue();
        assertThat(new StageSample(0, Map.of(), Map.of("a", 0L, "b", 1L)).drained()).isFalse();
    }
}
