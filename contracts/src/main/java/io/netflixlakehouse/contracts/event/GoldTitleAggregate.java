package io.netflixlakehouse.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gold aggregate for one (type, content age category, country) group.
 *
 * <p>Sums and genre counts are kept (not only the average and the set) so that an updated or
 * removed title can be subtracted exactly.
 *
 * @param schemaVersion version of this record's schema
 * @param id the group key: {@code type|contentAgeCategory|country}
 * @param eventTime when this value of the aggregate was computed
 * @param type "Movie" or "TV Show"
 * @param contentAgeCategory Recent (released 2020 or later), Modern (2010 or later) or Classic
 * @param country the country, or {@link #UNKNOWN_COUNTRY} for titles with none
 * @param contentCount titles in the group
 * @param durationMinutesSum sum of duration_minutes over titles that have one
 * @param durationMinutesCount titles that have a duration_minutes
 * @param avgDurationMinutes {@code durationMinutesSum / durationMinutesCount}, null when none
 * @param genreCounts genre to the number of titles in the group listed in it
 * @param genres the set of genres, sorted
 */
public record GoldTitleAggregate(
        int schemaVersion,
        String id,
        Instant eventTime,
        String type,
        String contentAgeCategory,
        String country,
        long contentCount,
        long durationMinutesSum,
        long durationMinutesCount,
        Double avgDurationMinutes,
        Map<String, Long> genreCounts,
        List<String> genres) {

    public static final int SCHEMA_VERSION = 1;

    /** The country of titles that list none: they are counted once, under this value. */
    public static final String UNKNOWN_COUNTRY = "Unknown";
}
