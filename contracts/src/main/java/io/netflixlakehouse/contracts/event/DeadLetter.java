package io.netflixlakehouse.contracts.event;

import java.time.Instant;

/**
 * Input the ingest-service could not turn into records: a malformed event, an unknown dataset, a
 * missing blob, a file that is not CSV, a broken row. Nothing is dropped silently: each such input
 * is one dead letter, keyed by its source url (or its id when there is none).
 *
 * @param schemaVersion version of this record's schema
 * @param id deterministic: the same failure of the same input gets the same id
 * @param eventTime when it was dead-lettered
 * @param reason the reason code (e.g. {@code CSV_PARSE_ERROR})
 * @param detail a short human-readable detail; may be null
 * @param dataset the dataset, null if none was determined
 * @param sourceUrl the blob url, null for a malformed event
 * @param eTag the blob version, null for a malformed event
 * @param lineNumber the physical line of the file where the problem starts, null when not about a line
 * @param blobEventId the triggering event, null for a malformed event
 * @param payload the offending input (the event text, at most 4,096 characters), null for a file
 */
public record DeadLetter(
        int schemaVersion,
        String id,
        Instant eventTime,
        String reason,
        String detail,
        String dataset,
        String sourceUrl,
        String eTag,
        Long lineNumber,
        String blobEventId,
        String payload) {

    public static final int SCHEMA_VERSION = 1;

    /** Longest payload kept. */
    public static final int MAX_PAYLOAD = 4096;
}
