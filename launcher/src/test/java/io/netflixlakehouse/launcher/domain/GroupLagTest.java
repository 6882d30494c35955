package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupLagTest {

    private static final PartitionKey P0 = new PartitionKey("netflix.titles.raw.v1", 0);
    private static final PartitionKey P1 = new PartitionKey("netflix.titles.raw.v1", 1);
    private static final PartitionKey P2 = new PartitionKey("netflix.titles.raw.v1", 2);

    @Test
    void shouldSubtractTheCommittedOffsetFromTheEnd() {
        GroupLag lag = GroupLag.of("g", Map.of(P0, 100L, P1, 50L), Map.of(P0, 90L, P1, 50L));

        assertThat(lag.lagByPartition()).containsEntry(P0, 10L).containsEntry(P1, 0L);
        assertThat(lag.total()).isEqualTo(10L);
        assertThat(lag.caughtUp()).isFalse();
    }

    @Test
    void shouldCountAPartitionWithoutCommittedOffsetAsBehindByItsEnd() {
        GroupLag lag = GroupLag.of("g", Map.of(P0, 7L, P1, 0L), Map.of());

        assertThat(lag.lagByPartition()).containsEntry(P0, 7L).containsEntry(P1, 0L);
        assertThat(lag.total()).isEqualTo(7L);
    }

    @Test
    void shouldTreatAnOffsetPastTheStableEndAsCaughtUp() {
        GroupLag lag = GroupLag.of("g", Map.of(P0, 41L, P1, 12L, P2, 0L), Map.of(P0, 42L, P1, 12L, P2, 1L));

        assertThat(lag.total()).isZero();
        assertThat(lag.caughtUp()).isTrue();
    }

    @Test
    void shouldIgnoreCommittedOffsetsOfPartitionsItWasNotAskedAbout() {
        GroupLag lag = GroupLag.of("g", Map.of(P0, 5L), Map.of(P0, 5L, new PartitionKey("other", 0), 0L));

        assertThat(lag.lagByPartition()).containsOnlyKeys(P0);
        assertThat(lag.caughtUp()).isTrue();
    }

    @Test
    void shouldBeCaughtUpWhenThereIsNothingToConsume() {
        assertThat(GroupLag.of("g", Map.of(), Map.of()).caughtUp()).isTrue();
    }

    @Test
    void shouldShowGroupAndTotal() {
        assertThat(GroupLag.of("lakehouse-quality", Map.of(P0, 3L), Map.of())).hasToString("lakehouse-quality=3");
    }
}
