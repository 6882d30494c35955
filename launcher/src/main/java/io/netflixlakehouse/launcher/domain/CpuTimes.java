package io.netflixlakehouse.launcher.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + system, all threads) spent by named process trees up to one moment. The difference of two
 * readings is what each tree spent between them: a cost per record that does not depend on how busy the machine
 * was, unlike wall time.
 *
 * @param byName CPU time per tree, in first-seen order
 */
public record CpuTimes(Map<String, Duration> byName) {

    public CpuTimes {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The sum over every tree. */
    public Duration total() {
        return byName.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** What each tree spent since {@code earlier}; a tree absent from it counts from zero, and none goes below zero. */
    public CpuTimes since(CpuTimes earlier) {
        Map<String, Duration> spent = new LinkedHashMap<>();
        byName.forEach((name, now) -> {
            Duration diff = now.minus(earlier.byName().getOrDefault(name, Duration.ZERO));
            spent.put(name, diff.isNegative() ? Duration.ZERO : diff);
        });
        return new CpuTimes(spent);
    }

    /** Microseconds of CPU per record; NaN without records. */
    public static double microsPerRecord(Duration cpu, long records) {
        return records <= 0 ? Double.NaN : cpu.toNanos() / 1000.0 / records;
    }
}
