package io.netflixlakehouse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.contracts.serde.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Parses a blob-events message (its value as text) and decides whether it is an ingestion
 * trigger. Parsing here, not in a Kafka deserializer, keeps malformed JSON a named policy.
 */
public final class BlobEventParser {

    /** Blob operations after which a blob is complete. Others (PutBlock, SetMetadata ...) are skipped. */
    public static final Set<String> INGESTED_APIS = Set.of("PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose");

    public EventDecision parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return new EventDecision.Malformed(new Failure(Reason.MALFORMED_EVENT, "(empty message)"));
        }
        BlobCreatedEvent event;
        try {
            event = Json.mapper().readValue(payload, BlobCreatedEvent.class);
        } catch (JsonProcessingException e) {
            return new EventDecision.Malformed(new Failure(Reason.MALFORMED_EVENT, "(not a JSON event: " + e.getOriginalMessage() + ")"));
        }
        if (event == null) {
            return new EventDecision.Malformed(new Failure(Reason.MALFORMED_EVENT, "(null event)"));
        }
        if (!BlobCreatedEvent.BLOB_CREATED.equals(event.eventType())) {
            return new EventDecision.Skip(new Failure(Reason.NOT_BLOB_CREATED, "(" + event.eventType() + ")"), event.id());
        }
        BlobCreatedEvent.Data data = event.data();
        if (data == null) {
            return malformed("data");
        }
        if (!INGESTED_APIS.contains(data.api())) {
            return new EventDecision.Skip(new Failure(Reason.API_NOT_INGESTED, "(" + data.api() + ")"), event.id());
        }
        if (isBlank(event.id())) {
            return malformed("id");
        }
        if (isBlank(data.url())) {
            return malformed("data.url");
        }
        if (isBlank(data.eTag())) {
            return malformed("data.eTag");
        }
        if (isBlank(event.eventTime())) {
            return malformed("eventTime");
        }
        Instant eventTime;
        try {
            eventTime = OffsetDateTime.parse(event.eventTime()).toInstant();
        } catch (DateTimeParseException e) {
            return new EventDecision.Malformed(new Failure(Reason.MALFORMED_EVENT, "(eventTime is not ISO-8601: " + event.eventTime() + ")"));
        }
        return new EventDecision.Ingest(event, data.url(), data.eTag(), eventTime);
    }

    private static EventDecision malformed(String field) {
        return new EventDecision.Malformed(new Failure(Reason.MALFORMED_EVENT, "(missing " + field + ")"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
