package io.netflixlakehouse.curation.domain;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How one gold group's totals change: titles, running-time sum and count, and titles per genre
 * entering (positive) or leaving (negative) the group. A title's update sends one delta per group
 * it touches, with what it takes back and what it adds already summed.
 *
 * @param type the group's title type
 * @param contentAgeCategory the group's age category
 * @param country the group's country
 * @param titles change of the title count
 * @param durationMinutesSum change of the running-time sum
 * @param durationMinutesCount change of the number of titles with a running time
 * @param genreCounts change per genre; genres whose change is zero are left out
 */
public record GoldDelta(
        String type,
        String contentAgeCategory,
        String country,
        long titles,
        long durationMinutesSum,
        long durationMinutesCount,
        SortedMap<String, Long> genreCounts) {

    public GoldDelta {
        genreCounts = Collections.unmodifiableSortedMap(new TreeMap<>(genreCounts == null ? Map.of() : genreCounts));
    }

    /** {@code title} entering ({@code sign} 1) or leaving ({@code sign} -1) its group for {@code country}. */
    public static GoldDelta of(TitleContribution title, String country, int sign) {
        boolean timed = title.durationMinutes() != null;
        TreeMap<String, Long> genres = new TreeMap<>();
        for (String genre : title.genres()) {
            genres.put(genre, (long) sign);
        }
        return new GoldDelta(title.type(), title.contentAgeCategory(), country, sign,
                timed ? (long) sign * title.durationMinutes() : 0, timed ? sign : 0, genres);
    }

    /** This change followed by {@code other} (a change of the same group). */
    public GoldDelta plus(GoldDelta other) {
        return new GoldDelta(other.type, other.contentAgeCategory, other.country,
                titles + other.titles,
                durationMinutesSum + other.durationMinutesSum,
                durationMinutesCount + other.durationMinutesCount,
                GenreCounts.sum(genreCounts, other.genreCounts, false));
    }

    /** True when the group would not change at all: such a delta is not sent. */
    public boolean isZero() {
        return titles == 0 && durationMinutesSum == 0 && durationMinutesCount == 0 && genreCounts.isEmpty();
    }
}
