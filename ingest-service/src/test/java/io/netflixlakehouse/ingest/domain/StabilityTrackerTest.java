package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StabilityTrackerTest {

    private static final FileStat V1 = new FileStat(100, 1_000);
    private static final FileStat V2 = new FileStat(250, 2_000);

    private static void announceAll(StabilityTracker tracker, List<StableFile> files) {
        files.forEach(tracker::markAnnounced);
    }

    @Test
    void shouldAnnounceAFileOnlyOnceItIsStableOverTwoPolls() {
        StabilityTracker tracker = new StabilityTracker(Map.of());

        assertThat(tracker.poll(Map.of("a.csv", V1))).isEmpty();
        assertThat(tracker.poll(Map.of("a.csv", V1))).containsExactly(new StableFile("a.csv", V1, V1.eTag()));
    }

    @Test
    void shouldAnnounceACommittedBlobAtTheFirstListingAndANewETagAgain() {
        StabilityTracker tracker = new StabilityTracker(Map.of(), false);
        FileStat blob = new FileStat(100, 1_000, "0x8DC0000000000001");
        FileStat overwritten = new FileStat(100, 1_000, "0x8DC0000000000002");

        List<StableFile> first = tracker.poll(Map.of("in/a.csv", blob));
        announceAll(tracker, first);

        assertThat(first).containsExactly(new StableFile("in/a.csv", blob, "0x8DC0000000000001"));
        assertThat(tracker.poll(Map.of("in/a.csv", blob))).isEmpty();
        assertThat(tracker.poll(Map.of("in/a.csv", overwritten))).extracting(StableFile::eTag).containsExactly("0x8DC0000000000002");
    }

    @Test
    void shouldNotAnnounceAFileThatIsStillGrowing() {
        StabilityTracker tracker = new StabilityTracker(Map.of());

        assertThat(tracker.poll(Map.of("a.csv", new FileStat(10, 1)))).isEmpty();
        assertThat(tracker.poll(Map.of("a.csv", new FileStat(20, 2)))).isEmpty();
        assertThat(tracker.poll(Map.of("a.csv", new FileStat(30, 3)))).isEmpty();
        assertThat(tracker.poll(Map.of("a.csv", new FileStat(30, 3)))).hasSize(1);
    }

    @Test
    void shouldAnnounceAVersionOnceAndAChangedVersionAgain() {
        StabilityTracker tracker = new StabilityTracker(Map.of());
        tracker.poll(Map.of("a.csv", V1));
        announceAll(tracker, tracker.poll(Map.of("a.csv", V1)));

        assertThat(tracker.poll(Map.of("a.csv", V1))).isEmpty();
        assertThat(tracker.poll(Map.of("a.csv", V2))).isEmpty();
        assertThat(tracker.poll(Map.of("a.csv", V2))).containsExactly(new StableFile("a.csv", V2, V2.eTag()));
        assertThat(tracker.announced()).containsEntry("a.csv", V1.eTag());
    }

    @Test
    void shouldRetryAnAnnouncementThatWasNotMarked() {
        StabilityTracker tracker = new StabilityTracker(Map.of());
        tracker.poll(Map.of("a.csv", V1));

        assertThat(tracker.poll(Map.of("a.csv", V1))).hasSize(1);
        assertThat(tracker.poll(Map.of("a.csv", V1))).hasSize(1);
    }

    @Test
    void shouldNotAnnounceAgainAfterARestartWithTheSavedState() {
        StabilityTracker first = new StabilityTracker(Map.of());
        first.poll(Map.of("a.csv", V1, "b.csv", V2));
        announceAll(first, first.poll(Map.of("a.csv", V1, "b.csv", V2)));

        StabilityTracker restarted = new StabilityTracker(first.announced());
        restarted.poll(Map.of("a.csv", V1, "b.csv", V2));

        assertThat(restarted.poll(Map.of("a.csv", V1, "b.csv", V2))).isEmpty();
    }

    @Test
    void shouldForgetFilesThatDisappeared() {
        StabilityTracker tracker = new StabilityTracker(Map.of("gone.csv", "0x1", "kept.csv", V1.eTag()));

        tracker.poll(Map.of("kept.csv", V1));

        assertThat(tracker.announced()).containsOnlyKeys("kept.csv");
    }

    @Test
    void shouldAnnounceAFileSeenUnchangedAtTheStartAndTheEndOfTheSettleTime() {
        StabilityTracker tracker = new StabilityTracker(Map.of(), true, 100);

        tracker.observe("a.csv", V1, 0);

        assertThat(tracker.settled()).isEmpty();
        assertThat(tracker.nextDue()).hasValue(100);
        assertThat(tracker.due(99)).isEmpty();
        assertThat(tracker.due(100)).containsExactly("a.csv");
        tracker.observe("a.csv", V1, 100);
        assertThat(tracker.settled()).containsExactly(new StableFile("a.csv", V1, V1.eTag()));
        assertThat(tracker.nextDue()).isEmpty();
    }

    @Test
    void shouldNotAnnounceTwoEqualSightingsCloserThanTheSettleTime() {
        StabilityTracker tracker = new StabilityTracker(Map.of(), true, 100);

        tracker.observe("a.csv", V1, 0);
        tracker.observe("a.csv", V1, 60);

        assertThat(tracker.settled()).isEmpty();
        assertThat(tracker.due(100)).containsExactly("a.csv");
    }

    @Test
    void shouldStartTheWaitAgainWhenAFileChanges() {
        StabilityTracker tracker = new StabilityTracker(Map.of(), true, 100);

        tracker.observe("a.csv", new FileStat(10, 1), 0);
        tracker.observe("a.csv", new FileStat(20, 2), 90);
        tracker.observe("a.csv", new FileStat(20, 2), 150);

        assertThat(tracker.settled()).isEmpty();
        assertThat(tracker.nextDue()).hasValue(190);
        tracker.observe("a.csv", new FileStat(20, 2), 190);
        assertThat(tracker.settled()).extracting(file -> file.stat().size()).containsExactly(20L);
    }

    @Test
    void shouldAnnounceASettledFileOnceAndNotWaitForItAgain() {
        StabilityTracker tracker = new StabilityTracker(Map.of(), true, 100);
        tracker.observe("a.csv", V1, 0);
        tracker.observe("a.csv", V1, 100);
        announceAll(tracker, tracker.settled());

        tracker.observe("a.csv", V1, 500);

        assertThat(tracker.settled()).isEmpty();
        assertThat(tracker.nextDue()).isEmpty();
        assertThat(tracker.announced()).containsExactly(Map.entry("a.csv", V1.eTag()));
    }

    @Test
    void shouldSettleAFileFoundByAListingAtItsNextSighting() {
        StabilityTracker tracker = new StabilityTracker(Map.of(), true, 100);

        assertThat(tracker.poll(Map.of("a.csv", V1), 0)).isEmpty();
        tracker.observe("a.csv", V1, 100);

        assertThat(tracker.settled()).containsExactly(new StableFile("a.csv", V1, V1.eTag()));
    }

    @Test
    void shouldForgetAFileThatIsGoneAndEverythingUnderAFolderThatIsGone() {
        StabilityTracker tracker = new StabilityTracker(Map.of("seed/a.csv", "0x1", "seed2/b.csv", "0x2", "c.csv", "0x3"),
                true, 100);
        tracker.observe("seed/d.csv", V1, 0);
        tracker.observe("e.csv", V1, 0);

        tracker.forgetFolder("seed");
        tracker.observe("c.csv", null, 10);
        tracker.observe("e.csv", null, 10);

        assertThat(tracker.announced()).containsOnlyKeys("seed2/b.csv");
        assertThat(tracker.nextDue()).isEmpty();
    }

    @Test
    void shouldRefuseANegativeSettleTime() {
        assertThatThrownBy(() -> new StabilityTracker(Map.of(), true, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settle time");
    }

    @Test
    void shouldIgnoreHiddenAndPartialFiles() {
        assertThat(StabilityTracker.isIgnored(".hidden.csv")).isTrue();
        assertThat(StabilityTracker.isIgnored(".staging/netflix_titles.csv")).isTrue();
        assertThat(StabilityTracker.isIgnored("netflix_titles.csv.tmp")).isTrue();
        assertThat(StabilityTracker.isIgnored("netflix_titles.csv.PART")).isTrue();
        assertThat(StabilityTracker.isIgnored("kaggle/netflix_titles.csv")).isFalse();
    }
}
