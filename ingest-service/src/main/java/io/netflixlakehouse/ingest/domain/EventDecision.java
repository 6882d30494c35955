package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import java.time.Instant;

/** What to do with one event of a blob-events message (a message holds one event or a batch). */
public sealed interface EventDecision {

    /** A BlobCreated event for a complete blob, with the fields ingestion needs already checked. */
    record Ingest(BlobCreatedEvent event, String url, String eTag, Instant eventTime) implements EventDecision {
    }

    /** An event that is valid but not for ingestion (another event type or blob operation). */
    record Skip(Failure why, String eventId) implements EventDecision {
    }

    /**
     * An event (or a whole message) that cannot be understood.
     *
     * @param source its text: the whole message, or the element of a batch; the FAILED manifest's id derives from it
     */
    record Malformed(Failure why, String source) implements EventDecision {
    }
}
