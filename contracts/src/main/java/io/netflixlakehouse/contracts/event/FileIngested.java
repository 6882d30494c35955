package io.netflixlakehouse.contracts.event;

import java.time.Instant;

/**
 * The manifest of one file version: written after its last record is acknowledged by Kafka, or
 * when the file cannot be ingested. Tools wait for it, and reconcile against {@code records}.
 *
 * @param schemaVersion version of this record's schema
 * @param id {@link io.netflixlakehouse.contracts.RecordIds#ofFile}
 * @param eventTime when ingestion ended
 * @param dataset the dataset the file belongs to
 * @param sourceUrl the blob url
 * @param eTag the file version
 * @param blobEventId the BlobCreated event that triggered ingestion
 * @param status what happened
 * @param records data records published (header excluded)
 * @param reason why the file failed or was skipped; null when completed
 */
public record FileIngested(
        int schemaVersion,
        String id,
        Instant eventTime,
        String dataset,
        String sourceUrl,
        String eTag,
        String blobEventId,
        Status status,
        long records,
        String reason) {

    public static final int SCHEMA_VERSION = 1;

    /** Outcome of ingesting one file version. */
    public enum Status {
        COMPLETED,
        FAILED,
        SKIPPED
    }
}
