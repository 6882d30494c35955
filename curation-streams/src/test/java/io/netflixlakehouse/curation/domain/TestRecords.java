package io.netflixlakehouse.curation.domain;

import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kaggle-shaped validated records for tests. */
public final class TestRecords {

    public static final Instant BLOB_EVENT_TIME = Instant.parse("2026-11-25T10:15:30.123Z");

    private TestRecords() {
    }

    /** A validated row; {@code values} are the 12 Kaggle columns in file order (null for empty). */
    public static ValidatedRecord validated(String... values) {
        String[] columns = {"show_id", "type", "title", "director", "cast", "country", "date_added",
            "release_year", "rating", "duration", "listed_in", "description"};
        if (values.length != columns.length) {
            throw new IllegalArgumentException("expected " + columns.length + " values");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            fields.put(columns[i], values[i]);
        }
        Lineage lineage = new Lineage(
                "https://netflixlanding.blob.core.windows.net/landing/titles/netflix_titles.csv",
                "0x8DC5F1A2B3C4D5E", 1, 2, "5c1f7d0e-9a4b-4f1e-8f36-2a7e0f6c1b11",
                BLOB_EVENT_TIME, Instant.parse("2026-11-25T10:15:31.001Z"));
        return new ValidatedRecord(ValidatedRecord.SCHEMA_VERSION, "id-" + values[0], Instant.parse("2026-11-25T10:15:31.200Z"),
                "titles", values[0], fields, lineage, "titles-v1", List.of());
    }

    /** A movie with the given countries, release year, running time and genres. */
    public static ValidatedRecord movie(String showId, String country, String year, String duration, String genres) {
        return validated(showId, "Movie", "Title " + showId, null, null, country, "September 25, 2021", year,
                "PG-13", duration, genres, "A description.");
    }
}
