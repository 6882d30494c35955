package io.netflixlakehouse.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * One CSV row as read, every value a string (null for an empty field), with its lineage.
 *
 * @param schemaVersion version of this record's schema
 * @param id deterministic record id ({@link io.netflixlakehouse.contracts.RecordIds#of})
 * @param eventTime when this record was produced
 * @param dataset the dataset the file belongs to (e.g. {@code titles})
 * @param key the dataset key (show_id for titles), also the Kafka key; null when the row has none
 * @param fields column name to value, in file order
 * @param lineage where the record came from
 */
public record RawRecord(
        int schemaVersion,
        String id,
        Instant eventTime,
        String dataset,
        String key,
        Map<String, String> fields,
        Lineage lineage) {

    public static final int SCHEMA_VERSION = 1;
}
