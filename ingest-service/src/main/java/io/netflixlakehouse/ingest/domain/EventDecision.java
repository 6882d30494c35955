package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import java.time.Instant;

/** What to do with one message of the blob-events topic. */
public sealed interface EventDecision {

    /** A BlobCreated event for a complete blob, with the fields ingestion needs already checked. */
    record Ingest(BlobCreatedEvent event, String url, String eTag, Instant eventTime) implements EventDecision {
    }

    /** An event that is valid but not for ingestion (another event type or blob operation). */
    record Skip(Failure why, String eventId) implements EventDecision {
    }

    /** A message that cannot be understood. */
    record Malformed(Failure why) implements EventDecision {
    }
}
