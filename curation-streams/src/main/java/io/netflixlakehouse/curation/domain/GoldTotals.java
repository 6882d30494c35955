package io.netflixlakehouse.curation.domain;

import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The running totals of one gold group. Only sums and counts are kept, so that a title's
 * contribution can be subtracted exactly when the title changes or leaves the group; the average
 * and the genre set are derived when the {@link GoldTitleAggregate} is written.
 *
 * @param type the group's title type (null until a title was added)
 * @param contentAgeCategory the group's age category (null until a title was added)
 * @param country the group's country (null until a title was added)
 * @param contentCount titles in the group
 * @param durationMinutesSum sum of the running times of titles that have one
 * @param durationMinutesCount titles that have a running time
 * @param genreCounts genre to titles of the group listed in it; only counts above zero are kept
 */
public record GoldTotals(
        String type,
        String contentAgeCategory,
        String country,
        long contentCount,
        long durationMinutesSum,
        long durationMinutesCount,
        SortedMap<String, Long> genreCounts) {

    /** The totals of a group nobody has contributed to. */
    public static final GoldTotals EMPTY = new GoldTotals(null, null, null, 0, 0, 0, new TreeMap<>());

    public GoldTotals {
        genreCounts = Collections.unmodifiableSortedMap(new TreeMap<>(genreCounts == null ? Map.of() : genreCounts));
    }

    /** These totals changed by {@code delta}. */
    public GoldTotals plus(GoldDelta delta) {
        return new GoldTotals(
                delta.type(),
                delta.contentAgeCategory(),
                delta.country(),
                contentCount + delta.titles(),
                durationMinutesSum + delta.durationMinutesSum(),
                durationMinutesCount + delta.durationMinutesCount(),
                GenreCounts.sum(genreCounts, delta.genreCounts(), true));
    }

    /** True when no title is counted in the group any more: the group is deleted from gold. */
    public boolean hasNoTitles() {
        return contentCount <= 0;
    }

    /** The gold record of these totals for group {@code groupKey}, computed at {@code eventTime}. */
    public GoldTitleAggregate toAggregate(String groupKey, Instant eventTime) {
        Double average = durationMinutesCount == 0 ? null : (double) durationMinutesSum / durationMinutesCount;
        return new GoldTitleAggregate(
                GoldTitleAggregate.SCHEMA_VERSION,
                groupKey,
                eventTime,
                type,
                contentAgeCategory,
                country,
                contentCount,
                durationMinutesSum,
                durationMinutesCount,
                average,
                genreCounts,
                List.copyOf(genreCounts.keySet()));
    }
}
