package io.netflixlakehouse.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * One version of a dataset's schema, written when a file brings columns the schema did not have
 * (evolution mode {@code addNewColumns}) or when the first file of a dataset without declared columns
 * sets it. Keyed by dataset on a compacted topic: the latest value is the dataset's current schema.
 *
 * @param schemaVersion version of this record's schema
 * @param id {@link io.netflixlakehouse.contracts.RecordIds#ofFile} of (dataset, version)
 * @param eventTime when the change was recorded
 * @param dataset the dataset
 * @param version 1 for the first schema, then +1 per change
 * @param columns every column of the schema, in order
 * @param addedColumns the columns this version added
 * @param sourceUrl the file that brought them
 * @param eTag that file's version
 */
public record DatasetSchemaChanged(
        int schemaVersion,
        String id,
        Instant eventTime,
        String dataset,
        int version,
        List<String> columns,
        List<String> addedColumns,
        String sourceUrl,
        String eTag) {

    public static final int SCHEMA_VERSION = 1;
}
