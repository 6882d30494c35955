package io.netflixlakehouse.ingest.landing;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.ingest.domain.BlobLister;
import io.netflixlakehouse.ingest.domain.FileStat;
import io.netflixlakehouse.ingest.domain.LandingEvents;
import io.netflixlakehouse.ingest.domain.StabilityTracker;
import io.netflixlakehouse.ingest.domain.StableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Directory-listing discovery of one source (the landing folder, or one container of a storage
 * account): each poll lists it, publishes a BlobCreated event for every new or changed version
 * (new eTag), and persists what was announced so a restart does not announce a version again.
 * Policies: a failed listing (SCAN_FAILED) or an unacknowledged event (ANNOUNCE_FAILED) is logged and
 * retried at the next poll; a version is marked announced only after Kafka acknowledged its event.
 */
public final class ListingWatcher {

    private static final Logger LOG = Logger.getLogger(ListingWatcher.class);

    private final String name;
    private final BlobLister lister;
    private final StabilityTracker tracker;
    private final AnnouncedStateStore store;
    private final LandingEvents events;
    private final Consumer<BlobCreatedEvent> publisher;

    /**
     * @param publisher publishes and blocks until Kafka acknowledged; throws if it did not
     * @throws IOException if the state file cannot be read or set aside
     */
    public ListingWatcher(String name, BlobLister lister, boolean waitForStability, AnnouncedStateStore store,
            LandingEvents events, Consumer<BlobCreatedEvent> publisher) throws IOException {
        this(name, lister, waitForStability, Duration.ZERO, store, events, publisher);
    }

    /**
     * @param settle with {@code waitForStability}: how long a version must stay the same before it is announced
     * @param publisher publishes and blocks until Kafka acknowledged; throws if it did not
     * @throws IOException if the state file cannot be read or set aside
     */
    public ListingWatcher(String name, BlobLister lister, boolean waitForStability, Duration settle,
            AnnouncedStateStore store, LandingEvents events, Consumer<BlobCreatedEvent> publisher) throws IOException {
        this.name = name;
        this.lister = lister;
        this.store = store;
        this.tracker = new StabilityTracker(store.load(), waitForStability, settle.toNanos());
        this.events = events;
        this.publisher = publisher;
    }

    public String name() {
        return name;
    }

    public AnnouncedStateStore store() {
        return store;
    }

    /** One poll; failures are logged with their policy and retried at the next poll. */
    public void pollQuietly() {
        quietly(() -> poll(System.nanoTime()));
    }

    /** Runs one step of the watcher; failures are logged with their policy and retried at the next poll. */
    public void quietly(Step step) {
        try {
            step.run();
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("SCAN_FAILED %s: %s; retrying at the next poll", name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("ANNOUNCE_FAILED %s: %s; retrying at the next poll", name, e.getMessage());
        }
    }

    /** A step that may fail with a listing error. */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }

    /** One poll: list, announce what is new or changed (and settled), persist what was announced. */
    public void poll() throws IOException {
        poll(System.nanoTime());
    }

    /** One full listing at {@code nowNanos} (monotonic), then the announcements it allows. */
    public void poll(long nowNanos) throws IOException {
        Map<String, FileStat> snapshot;
        try {
            snapshot = lister.scan();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e); // a storage SDK's unchecked error is a failed listing too
        }
        Map<String, String> before = tracker.announced();
        announce(tracker.poll(snapshot, nowNanos), before);
    }

    /**
     * Folders gone and sightings of single paths at {@code nowNanos} (a null stat: no file there), e.g. after
     * file-system events, then the announcements they allow. Paths not named keep what was seen of them.
     */
    public void observe(Collection<String> goneFolders, Map<String, FileStat> seen, long nowNanos) throws IOException {
        Map<String, String> before = tracker.announced();
        goneFolders.forEach(tracker::forgetFolder);
        seen.forEach((path, stat) -> tracker.observe(path, stat, nowNanos));
        announce(tracker.settled(), before);
    }

    /** Paths whose version can settle at a sighting at {@code nowNanos}: look at them again. */
    public List<String> due(long nowNanos) {
        return tracker.due(nowNanos);
    }

    /** When the earliest waiting version can settle; empty when none waits. */
    public OptionalLong nextDue() {
        return tracker.nextDue();
    }

    private void announce(List<StableFile> stable, Map<String, String> before) throws IOException {
        try {
            for (StableFile file : stable) {
                BlobCreatedEvent event = events.blobCreated(file, UUID.randomUUID().toString(), Instant.now());
                publisher.accept(event);
                tracker.markAnnounced(file);
                LOG.infof("Announced %s %s (%s, %d bytes)", name, file.relativePath(), file.eTag(), file.stat().size());
            }
        } finally {
            if (!tracker.announced().equals(before)) {
                store.save(tracker.announced());
            }
        }
    }
}
