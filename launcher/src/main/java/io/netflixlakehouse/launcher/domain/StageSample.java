package io.netflixlakehouse.launcher.domain;

import java.util.Map;

/**
 * One reading of every consumer group: records committed (sum of committed offsets over its inputs) and records
 * behind (lag), at a time since the file was dropped.
 *
 * @param elapsedMillis since the file was dropped
 * @param committed committed offsets summed per group
 * @param lag lag per group
 */
public record StageSample(long elapsedMillis, Map<String, Long> committed, Map<String, Long> lag) {

    public StageSample {
        committed = Map.copyOf(committed);
        lag = Map.copyOf(lag);
    }

    public boolean drained() {
        return lag.values().stream().allMatch(l -> l == 0L);
    }
}
