package io.netflixlakehouse.contracts.event;

import java.time.Instant;

/**
 * Where a record came from. Carried unchanged from the raw record to silver and quarantine.
 *
 * @param sourceUrl the blob url of the file
 * @param eTag the file version
 * @param recordNumber 1-based index of the data record in the file (header excluded)
 * @param lineNumber 1-based physical line where the record starts (records can span lines)
 * @param blobEventId id of the BlobCreated event that triggered ingestion
 * @param blobEventTime time of that event: orders versions of the same key ("latest wins")
 * @param ingestedAt when the ingest-service read the record
 */
public record Lineage(
        String sourceUrl,
        String eTag,
        long recordNumber,
        long lineNumber,
        String blobEventId,
        Instant blobEventTime,
        Instant ingestedAt) {
}
