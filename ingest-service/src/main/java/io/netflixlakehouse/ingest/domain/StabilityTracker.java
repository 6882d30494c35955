package io.netflixlakehouse.ingest.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which listed files or blobs to announce: a version (eTag) not yet announced for its path.
 * A local file must also be the same in two consecutive polls (so a file still being written is not
 * read); a storage blob is listed only once committed, so it needs no second poll. Not thread-safe:
 * one poller.
 */
public final class StabilityTracker {

    private final Map<String, FileStat> previousPoll = new HashMap<>();
    private final Map<String, String> announced;
    private final boolean waitForStability;

    /** A tracker of local files (two equal polls before announcing). */
    public StabilityTracker(Map<String, String> announced) {
        this(announced, true);
    }

    /**
     * @param announced path to eTag of what was announced before (e.g. loaded from the state file)
     * @param waitForStability whether a version must be seen in two consecutive polls before it is announced
     */
    public StabilityTracker(Map<String, String> announced, boolean waitForStability) {
        this.announced = new TreeMap<>(announced);
        this.waitForStability = waitForStability;
    }

    /** Files to announce now, in path order. Also forgets announcements of files that are gone. */
    public List<StableFile> poll(Map<String, FileStat> current) {
        List<StableFile> stable = new ArrayList<>();
        new TreeMap<>(current).forEach((path, stat) -> {
            if (!waitForStability || stat.equals(previousPoll.get(path))) {
                String eTag = stat.eTag();
                if (!eTag.equals(announced.get(path))) {
                    stable.add(new StableFile(path, stat, eTag));
                }
            }
        });
        previousPoll.clear();
        previousPoll.putAll(current);
        announced.keySet().retainAll(current.keySet());
        return stable;
    }

    /** Records that a version was published (call after the event is acknowledged). */
    public void markAnnounced(StableFile file) {
        announced.put(file.relativePath(), file.eTag());
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
