package io.netflixlakehouse.curation.domain;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Adds genre-count maps of gold totals and deltas. */
final class GenreCounts {

    private GenreCounts() {
    }

    /**
     * {@code base} plus {@code change}, without the genres whose sum is zero, and, when
     * {@code positiveOnly} (totals), without those below zero either.
     */
    static SortedMap<String, Long> sum(SortedMap<String, Long> base, Map<String, Long> change, boolean positiveOnly) {
        TreeMap<String, Long> sum = new TreeMap<>(base);
        change.forEach((genre, delta) -> {
            long count = sum.getOrDefault(genre, 0L) + delta;
            if (count == 0 || positiveOnly && count < 0) {
                sum.remove(genre);
            } else {
                sum.put(genre, count);
            }
        });
        return sum;
    }
}
