package io.netflixlakehouse.lakewriter.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.lakewriter.offsets.ReplayPlan.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReplayPlannerTest {

    private static final String TOPIC = "netflix.titles.raw.v1";
    private static final List<Integer> PARTITIONS = List.of(0, 1, 2);

    private static Optional<RecordedOffsets> recorded(int generation, Map<Integer, Long> offsets) {
        return Optional.of(new RecordedOffsets(TOPIC, "lakehouse-lake-writer", generation, 7, new TreeMap<>(offsets)));
    }

    @Test
    void shouldStartFromTheEarliestWithNoCheckpointAndNoGroupOffsets() {
        ReplayPlan plan = ReplayPlanner.plan(PARTITIONS, Map.of(), Optional.empty(), OptionalInt.empty());

        assertThat(plan.decision()).isEqualTo(Decision.START);
        assertThat(plan.generation()).isEqualTo(1);
        assertThat(plan.startingOffsets()).isEqualTo(Map.of(0, -2L, 1, -2L, 2, -2L));
        assertThat(plan.startingOffsetsJson(TOPIC)).isEqualTo("earliest");
        assertThat(plan.newGeneration()).isTrue();
    }

    @Test
    void shouldResumeWhenTheGroupHoldsWhatWasRecorded() {
        Map<Integer, Long> offsets = Map.of(0, 10L, 1, 20L, 2, 30L);

        ReplayPlan plan = ReplayPlanner.plan(PARTITIONS, offsets, recorded(3, offsets), OptionalInt.of(3));

        assertThat(plan.decision()).isEqualTo(Decision.RESUME);
        assertThat(plan.generation()).isEqualTo(3);
        assertThat(plan.newGeneration()).isFalse();
    }

    @Test
    void shouldResumeWhenTheGroupHasNoOffsetsButACheckpointExists() {
        ReplayPlan plan = ReplayPlanner.plan(PARTITIONS, Map.of(), recorded(2, Map.of(0, 5L)), OptionalInt.of(2));

        assertThat(plan.decision()).isEqualTo(Decision.RESUME);
        assertThat(plan.generation()).isEqualTo(2);
    }

    @Test
    void shouldReplayFromTheGroupInANewGenerationWhenTheGroupWasReset() {
        Map<Integer, Long> reset = Map.of(0, 0L, 1, 0L);

        ReplayPlan plan = ReplayPlanner.plan(
                PARTITIONS, reset, recorded(1, Map.of(0, 10L, 1, 20L, 2, 30L)), OptionalInt.of(1));

        assertThat(plan.decision()).isEqualTo(Decision.REPLAY);
        assertThat(plan.generation()).isEqualTo(2);
        assertThat(plan.startingOffsets()).isEqualTo(Map.of(0, 0L, 1, 0L, 2, -2L));
        assertThat(plan.startingOffsetsJson(TOPIC)).isEqualTo("{\"" + TOPIC + "\":{\"0\":0,\"1\":0,\"2\":-2}}");
        assertThat(plan.expectedGroupOffsets()).isEqualTo(reset);
    }

    @Test
    void shouldReplayWhenACheckpointExistsButNothingWasRecorded() {
        ReplayPlan plan = ReplayPlanner.plan(PARTITIONS, Map.of(0, 4L), Optional.empty(), OptionalInt.of(1));

        assertThat(plan.decision()).isEqualTo(Decision.REPLAY);
        assertThat(plan.generation()).isEqualTo(2);
        assertThat(plan.startingOffsets()).isEqualTo(Map.of(0, 4L, 1, -2L, 2, -2L));
    }

    @Test
    void shouldStartFromTheRecordedGroupOffsetsWhenTheCheckpointIsGone() {
        Map<Integer, Long> offsets = Map.of(0, 10L, 1, 20L, 2, 30L);

        ReplayPlan plan = ReplayPlanner.plan(PARTITIONS, offsets, recorded(4, offsets), OptionalInt.empty());

        assertThat(plan.decision()).isEqualTo(Decision.START);
        assertThat(plan.generation()).isEqualTo(1);
        assertThat(plan.startingOffsets()).isEqualTo(offsets);
    }

    @Test
    void shouldReplayFromAResetGroupWhenTheCheckpointIsGone() {
        ReplayPlan plan = ReplayPlanner.plan(
                PARTITIONS, Map.of(0, 1L, 1, 1L, 2, 1L), recorded(4, Map.of(0, 9L)), OptionalInt.empty());

        assertThat(plan.decision()).isEqualTo(Decision.REPLAY);
        assertThat(plan.startingOffsets()).isEqualTo(Map.of(0, 1L, 1, 1L, 2, 1L));
    }

    @Test
    void shouldReadEverythingWhenTheGroupOffsetsWereNeverRecordedByThisLake() {
        ReplayPlan plan = ReplayPlanner.plan(
                PARTITIONS, Map.of(0, 100L, 1, 100L, 2, 100L), Optional.empty(), OptionalInt.empty());

        assertThat(plan.decision()).isEqualTo(Decision.START);
        assertThat(plan.startingOffsetsJson(TOPIC)).isEqualTo("earliest");
        assertThat(plan.expectedGroupOffsets()).isEqualTo(Map.of(0, 100L, 1, 100L, 2, 100L));
    }

    @Test
    void shouldIgnoreGroupOffsetsOfPartitionsTheTopicDoesNotHave() {
        Map<Integer, Long> recordedOffsets = Map.of(0, 3L);

        ReplayPlan plan = ReplayPlanner.plan(
                List.of(0), Map.of(0, 3L, 7, 99L), recorded(1, recordedOffsets), OptionalInt.of(1));

        assertThat(plan.decision()).isEqualTo(Decision.RESUME);
        assertThat(plan.startingOffsets()).isEqualTo(Map.of(0, 3L));
    }

    @Test
    void shouldRecordBatchEndsOverThePreviousOffsets() {
        RecordedOffsets before = recorded(2, Map.of(0, 10L, 1, 20L)).orElseThrow();

        RecordedOffsets after = before.advancedBy(8, new TreeMap<>(Map.of(1, 25L, 2, 3L)));

        assertThat(after.offsets()).isEqualTo(Map.of(0, 10L, 1, 25L, 2, 3L));
        assertThat(after.batchId()).isEqualTo(8);
        assertThat(after.generation()).isEqualTo(2);
    }
}
