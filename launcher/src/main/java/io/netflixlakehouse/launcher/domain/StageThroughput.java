package io.netflixlakehouse.launcher.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-stage throughput from committed offsets over time: records a group committed between its first and its last
 * movement, divided by that time. Offsets also number transaction markers, so an exactly-once producer's topic
 * counts a few more "records" than it holds (one marker per transaction).
 *
 * @param group the consumer group
 * @param records offsets committed during the run
 * @param activeMillis from the sample before its first movement to its last movement
 * @param recordsPerSecond records / active seconds (0 when it did not move)
 */
public record StageThroughput(String group, long records, long activeMillis, double recordsPerSecond) {

    /** One figure per group of {@code groups}, in that order. */
    public static Map<String, StageThroughput> of(List<String> groups, List<StageSample> samples) {
        Map<String, StageThroughput> result = new LinkedHashMap<>();
        for (String group : groups) {
            result.put(group, of(group, samples));
        }
        return result;
    }

    static StageThroughput of(String group, List<StageSample> samples) {
        if (samples.size() < 2) {
            return new StageThroughput(group, 0, 0, 0);
        }
        long first = committed(samples.get(0), group);
        long last = committed(samples.get(samples.size() - 1), group);
        Long startMillis = null;
        long endMillis = 0;
        for (int i = 1; i < samples.size(); i++) {
            if (committed(samples.get(i), group) != committed(samples.get(i - 1), group)) {
                if (startMillis == null) {
                    startMillis = samples.get(i - 1).elapsedMillis();
                }
                endMillis = samples.get(i).elapsedMillis();
            }
        }
        if (startMillis == null || endMillis <= startMillis) {
            return new StageThroughput(group, last - first, 0, 0);
        }
        long active = endMillis - startMillis;
        return new StageThroughput(group, last - first, active, (last - first) * 1000.0 / active);
    }

    private static long committed(StageSample sample, String group) {
        return sample.committed().getOrDefault(group, 0L);
    }
}
