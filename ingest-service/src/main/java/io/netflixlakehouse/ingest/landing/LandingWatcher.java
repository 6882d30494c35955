package io.netflixlakehouse.ingest.landing;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.ingest.config.IngestConfig;
import io.netflixlakehouse.ingest.domain.FileStat;
import io.netflixlakehouse.ingest.domain.LandingEvents;
import io.netflixlakehouse.ingest.domain.StabilityTracker;
import io.netflixlakehouse.ingest.domain.StableFile;
import io.netflixlakehouse.ingest.messaging.BlobEventPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The local stand-in for Azure Event Grid: polls the landing folder and publishes a BlobCreated
 * event for every file version that is new or changed and stable over two polls. Policies: a
 * failed scan (SCAN_FAILED) or an unacknowledged event (ANNOUNCE_FAILED) is logged and retried at
 * the next poll; the file is marked announced only after Kafka acknowledged its event.
 */
@ApplicationScoped
public class LandingWatcher {

    private static final Logger LOG = Logger.getLogger(LandingWatcher.class);

    @Inject
    IngestConfig config;

    @Inject
    BlobEventPublisher publisher;

    private ScheduledExecutorService executor;
    private LandingScanner scanner;
    private AnnouncedStateStore store;
    private StabilityTracker tracker;
    private LandingEvents events;

    void onStart(@Observes StartupEvent startup) throws IOException {
        if (!config.landing().enabled()) {
            LOG.info("Landing watcher disabled (lakehouse.ingest.landing.enabled=false)");
            return;
        }
        Path root = config.landing().root().toAbsolutePath().normalize();
        Files.createDirectories(root);
        scanner = new LandingScanner(root);
        store = new AnnouncedStateStore(config.stateDir());
        tracker = new StabilityTracker(store.load());
        events = new LandingEvents(root);
        long interval = config.landing().pollInterval().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "landing-watcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollQuietly, 0, interval, TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s every %d ms (state %s)", root, interval, store.file());
    }

    void onStop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("SCAN_FAILED: %s; retrying at the next poll", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("ANNOUNCE_FAILED: %s; retrying at the next poll", e.getMessage());
        }
    }

    /** One poll: scan, announce what became stable, persist what was announced. */
    void poll() throws IOException {
        Map<String, FileStat> snapshot = scanner.scan();
        Map<String, String> before = tracker.announced();
        List<StableFile> stable = tracker.poll(snapshot);
        try {
            for (StableFile file : stable) {
                BlobCreatedEvent event = events.blobCreated(file, UUID.randomUUID().toString(), Instant.now());
                publisher.publish(event);
                tracker.markAnnounced(file);
                LOG.infof("Announced %s (%s, %d bytes)", file.relativePath(), file.eTag(), file.stat().size());
            }
        } finally {
            if (!tracker.announced().equals(before)) {
                store.save(tracker.announced());
            }
        }
    }
}
