package io.netflixlakehouse.ingest.domain;

import java.time.Clock;
import java.time.Instant;

/**
 * Everything a record's id and lineage need besides the row itself.
 *
 * @param dataset the dataset the file belongs to
 * @param sourceUrl the blob url
 * @param eTag the file version
 * @param blobEventId the triggering BlobCreated event
 * @param blobEventTime that event's time
 * @param clock the clock for eventTime / ingestedAt
 */
public record RecordContext(
        DatasetSpec dataset, String sourceUrl, String eTag, String blobEventId, Instant blobEventTime, Clock clock) {
}
