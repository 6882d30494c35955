package io.netflixlakehouse.ingest.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Decides which listed files or blobs to announce: a version (eTag) not yet announced for its path.
 * A local file must also have settled: it was seen at least twice with the same size and modification
 * time, the first and the last sighting at least the settle time apart (a file still being written keeps
 * changing, and each change starts its wait again). A storage blob is listed only once committed, so it
 * is announced at its first sighting. Sightings come from full listings ({@link #poll}) or from single
 * paths ({@link #observe}, e.g. after a file-system event); times are a monotonic clock in nanoseconds
 * given by the caller. Not thread-safe: one poller.
 */
public final class StabilityTracker {

    /** A version seen but not announced yet: its stat, first and last sighting, and how often it was seen. */
    private record Pending(FileStat stat, long since, long confirmed, int sightings) {
    }

    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, String> announced;
    private final boolean waitForStability;
    private final long settleNanos;

    /** A tracker of local files that announces a version at its second equal sighting (no settle time). */
    public StabilityTracker(Map<String, String> announced) {
        this(announced, true, 0);
    }

    /**
     * @param announced path to eTag of what was announced before (e.g. loaded from the state file)
     * @param waitForStability whether a version must be seen twice, unchanged, before it is announced
     */
    public StabilityTracker(Map<String, String> announced, boolean waitForStability) {
        this(announced, waitForStability, 0);
    }

    /**
     * @param settleNanos with {@code waitForStability}: the least time between the first and the last of two
     *     equal sightings of a version before it is announced (0: any second sighting)
     */
    public StabilityTracker(Map<String, String> announced, boolean waitForStability, long settleNanos) {
        if (settleNanos < 0) {
            throw new IllegalArgumentException("settle time must not be negative");
        }
        this.announced = new TreeMap<>(announced);
        this.waitForStability = waitForStability;
        this.settleNanos = settleNanos;
    }

    /** A full listing without a clock (storage listings, tests): {@link #poll(Map, long)} at time 0. */
    public List<StableFile> poll(Map<String, FileStat> current) {
        return poll(current, 0);
    }

    /**
     * A full listing at {@code nowNanos}: every listed path is a sighting, and a path not listed is gone (its
     * pending version and its announcement are forgotten). Returns the files to announce now, in path order.
     */
    public List<StableFile> poll(Map<String, FileStat> current, long nowNanos) {
        current.forEach((path, stat) -> observe(path, stat, nowNanos));
        pending.keySet().retainAll(current.keySet());
        announced.keySet().retainAll(current.keySet());
        return settled();
    }

    /**
     * One path seen at {@code nowNanos} ({@code stat} null: no file is there any more; its pending version and its
     * announcement are forgotten). Call {@link #settled()} for what to announce.
     */
    public void observe(String path, FileStat stat, long nowNanos) {
        if (stat == null) {
            pending.remove(path);
            announced.remove(path);
            return;
        }
        if (stat.eTag().equals(announced.get(path))) {
            pending.remove(path);
            return;
        }
        Pending before = pending.get(path);
        if (before != null && before.stat().equals(stat)) {
            pending.put(path, new Pending(stat, before.since(), Math.max(before.confirmed(), nowNanos), before.sightings() + 1));
        } else {
            pending.put(path, new Pending(stat, nowNanos, nowNanos, 1));
        }
    }

    /** A folder is gone (deleted or moved away): every path under it is forgotten, as by a sighting of none. */
    public void forgetFolder(String folder) {
        String prefix = folder + "/";
        pending.keySet().removeIf(path -> path.startsWith(prefix));
        announced.keySet().removeIf(path -> path.startsWith(prefix));
    }

    /** Files to announce now, in path order: settled versions not announced yet (again until marked). */
    public List<StableFile> settled() {
        List<StableFile> stable = new ArrayList<>();
        new TreeMap<>(pending).forEach((path, seen) -> {
            if (isSettled(seen)) {
                stable.add(new StableFile(path, seen.stat(), seen.stat().eTag()));
            }
        });
        return stable;
    }

    /** Paths whose version waits for a sighting at or after {@code nowNanos} to settle, in path order. */
    public List<String> due(long nowNanos) {
        List<String> paths = new ArrayList<>();
        new TreeMap<>(pending).forEach((path, seen) -> {
            if (!isSettled(seen) && seen.since() + settleNanos <= nowNanos) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** When the earliest unsettled version can settle (the time to look at it again); empty if none waits. */
    public OptionalLong nextDue() {
        return pending.values().stream().filter(seen -> !isSettled(seen))
                .mapToLong(seen -> seen.since() + settleNanos).min();
    }

    private boolean isSettled(Pending seen) {
        return !waitForStability || seen.sightings() >= 2 && seen.confirmed() - seen.since() >= settleNanos;
    }

    /** Records that a version was published (call after the event is acknowledged). */
    public void markAnnounced(StableFile file) {
        announced.put(file.relativePath(), file.eTag());
        Pending seen = pending.get(file.relativePath());
        if (seen != null && seen.stat().eTag().equals(file.eTag())) {
            pending.remove(file.relativePath());
        }
    }

    /** Path to eTag of every announced version still present, in path order. */
    public Map<String, String> announced() {
        return Collections.unmodifiableMap(new TreeMap<>(announced));
    }

    /** Whether a path is ignored: hidden (any segment starting with a dot), {@code *.tmp} or {@code *.part}. */
    public static boolean isIgnored(String relativePath) {
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tmp") || lower.endsWith(".part");
    }
}
