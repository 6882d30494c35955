package io.netflixlakehouse.contracts.event;

import java.time.Instant;

/**
 * How far the records of one file version are committed: written in the same Kafka transaction as
 * those records, keyed by file id on a compacted topic. After a crash the ingest-service resumes
 * after {@code records}, so every row reaches read-committed consumers exactly once.
 *
 * @param schemaVersion version of this record's schema
 * @param id the file id ({@link io.netflixlakehouse.contracts.RecordIds#ofFile} of url + eTag)
 * @param eventTime when the transaction was committed
 * @param sourceUrl the blob url
 * @param eTag the file version
 * @param records data records committed so far (record numbers 1 to this)
 * @param lineNumber the physical line of the last committed record
 */
public record FileProgress(
        int schemaVersion,
        String id,
        Instant eventTime,
        String sourceUrl,
        String eTag,
        long records,
        long lineNumber) {

    public static final int SCHEMA_VERSION = 1;
}
