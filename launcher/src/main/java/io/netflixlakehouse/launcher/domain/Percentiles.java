package io.netflixlakehouse.launcher.domain;

import java.util.List;

/** Nearest-rank percentiles of a list of measurements. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param values the measurements (any order)
     * @param percentile in (0, 100]
     * @return the smallest value with at least {@code percentile}% of the values at or below it; NaN when empty
     */
    public static double of(List<Double> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
