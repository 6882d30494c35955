package io.netflixlakehouse.ingest.landing;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.ingest.domain.FileStat;
import io.netflixlakehouse.ingest.domain.LandingEvents;
import io.netflixlakehouse.ingest.domain.StabilityTracker;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Discovery of the landing folder on its own thread. File-system events (java.nio {@link WatchService}: inotify on
 * Linux) wake it as soon as a path under the root changes; it then looks at those paths only, and at each again once
 * the settle time has passed, and announces a file whose size and modification time stayed the same over it. A full
 * scan every poll interval is the fallback (events lost in an overflow, file systems that send none) and finds what
 * landed while the service was down; it is also the first thing the thread does. Policy EVENTS_UNAVAILABLE: without
 * a watch service, or for a folder that cannot be watched, discovery is left to the full scans (logged).
 */
public final class LandingFolderWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LandingFolderWatcher.class);

    private final LandingScanner scanner;
    private final ListingWatcher watcher;
    private final long pollNanos;
    private final WatchService events;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean unwatchedReported;

    /**
     * @param useEvents whether to ask for file-system events (false: full scans only)
     * @param settle how long a file must stay the same before it is announced
     * @param pollInterval time between two full scans
     * @param publisher publishes and blocks until Kafka acknowledged; throws if it did not
     * @throws IOException if the state file cannot be read or set aside
     */
    public LandingFolderWatcher(Path root, AnnouncedStateStore store, boolean useEvents, Duration settle,
            Duration pollInterval, Consumer<BlobCreatedEvent> publisher) throws IOException {
        this.scanner = new LandingScanner(root);
        this.pollNanos = pollInterval.toNanos();
        this.events = useEvents ? newWatchService() : null;
        this.watcher = new ListingWatcher("landing folder", () -> scanner.scan(scanner.root(), this::watch), true,
                settle, store, new LandingEvents(scanner.root()), publisher);
        this.thread = new Thread(this::run, "landing-watcher-folder");
        this.thread.setDaemon(true);
    }

    private static WatchService newWatchService() {
        try {
            return FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("EVENTS_UNAVAILABLE landing folder: no file-system events (%s); full scans only", e.getMessage());
            return null;
        }
    }

    public AnnouncedStateStore store() {
        return watcher.store();
    }

    /** Whether file-system events wake the watcher (false: full scans only). */
    public boolean eventsEnabled() {
        return events != null;
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long nextScan = System.nanoTime();
        try {
            while (running) {
                long now = System.nanoTime();
                if (now - nextScan >= 0) {
                    watcher.quietly(() -> watcher.poll(now));
                    nextScan = now + pollNanos;
                }
                watcher.quietly(this::lookAgainAtDue);
                long wakeAt = nextScan;
                OptionalLong due = watcher.nextDue();
                if (due.isPresent() && due.getAsLong() - wakeAt < 0) {
                    wakeAt = due.getAsLong();
                }
                long wait = Math.max(0, wakeAt - System.nanoTime());
                if (events == null) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                    continue;
                }
                Changes changes = awaitChanges(wait);
                if (changes.overflow()) {
                    LOG.infof("landing folder: file-system events overflowed; scanning the folder");
                    nextScan = System.nanoTime();
                }
                if (!changes.paths().isEmpty()) {
                    watcher.quietly(() -> watcher.observe(changes.goneFolders(),
                            look(changes.paths(), changes.seen()), System.nanoTime()));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    /** The versions waiting to settle whose time has come: looked at once more. */
    private void lookAgainAtDue() throws IOException {
        long now = System.nanoTime();
        List<String> due = watcher.due(now);
        if (!due.isEmpty()) {
            watcher.observe(List.of(), look(due, new HashMap<>()), now);
        }
    }

    /** What is seen now of each path, added to {@code seen}: null when no regular file is there (gone, a folder). */
    private Map<String, FileStat> look(Iterable<String> paths, Map<String, FileStat> seen) throws IOException {
        for (String path : paths) {
            seen.put(path, scanner.stat(path).orElse(null));
        }
        return seen;
    }

    /**
     * What events named: paths (relative) to look at, watched folders that went away, the files of folders that
     * appeared (seen when they were walked), and whether events were lost.
     */
    private record Changes(Set<String> paths, List<String> goneFolders, Map<String, FileStat> seen, boolean overflow) {
    }

    /** Waits up to {@code waitNanos} for events, then takes every event queued. */
    private Changes awaitChanges(long waitNanos) throws InterruptedException {
        Set<String> paths = new LinkedHashSet<>();
        List<String> goneFolders = new ArrayList<>();
        Map<String, FileStat> seen = new HashMap<>();
        boolean overflow = false;
        WatchKey key = waitNanos == 0 ? events.poll() : events.poll(waitNanos, TimeUnit.NANOSECONDS);
        while (key != null) {
            Path folder = folders.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                    overflow |= event.kind() == StandardWatchEventKinds.OVERFLOW;
                    continue;
                }
                Path child = folder.resolve((Path) event.context());
                String relative = scanner.relativePath(child);
                if (StabilityTracker.isIgnored(relative)) {
                    continue;
                }
                if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                    if (unwatch(child)) {
                        goneFolders.add(relative); // deleted or moved away (a new name comes as a create)
                    }
                } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        seen.putAll(scanner.scan(child, this::watch)); // what was written before it was watched
                    } catch (IOException e) {
                        overflow = true; // the full scan finds it
                    }
                }
                paths.add(relative);
            }
            if (!key.reset() && folder != null) {
                unwatch(folder);
            }
            key = events.poll();
        }
        return new Changes(paths, goneFolders, seen, overflow);
    }

    /** Watches one folder (the full scans call it for every folder; watched ones are skipped). */
    private void watch(Path folder) {
        if (events == null || keys.containsKey(folder)) {
            return;
        }
        try {
            WatchKey key = folder.register(events, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            Path before = folders.put(key, folder);
            if (before != null) {
                keys.remove(before); // the same folder under a new name
            }
            keys.put(folder, key);
        } catch (IOException e) {
            if (!unwatchedReported) {
                unwatchedReported = true;
                LOG.warnf("EVENTS_UNAVAILABLE landing folder: cannot watch %s (%s); full scans find its files", folder,
                        e.getMessage());
            }
        }
    }

    /** Stops watching {@code path} and every folder under it; false if none of them was watched. */
    private boolean unwatch(Path path) {
        return keys.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(path)) {
                folders.remove(entry.getValue());
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (events != null) {
            try {
                events.close();
            } catch (IOException e) {
                LOG.debugf("closing the watch service: %s", e.getMessage());
            }
        }
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
