package io.netflixlakehouse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.contracts.serde.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a blob-events message (its value as text) into one decision per event. A message holds one
 * event or a JSON array of events (a batch), each in the Azure Event Grid schema or the CloudEvents
 * 1.0 JSON schema; CloudEvents are mapped onto {@link BlobCreatedEvent} so the rest of the flow is the
 * same. Parsing here, not in a Kafka deserializer, keeps malformed JSON a named policy, and a
 * malformed element of a batch fails only that element.
 */
public final class BlobEventParser {

    /** Blob operations after which a blob is complete. Others (PutBlock, SetMetadata ...) are skipped. */
    public static final Set<String> INGESTED_APIS = Set.of("PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose");

    /** The only CloudEvents spec version accepted. */
    public static final String CLOUDEVENTS_SPEC_VERSION = "1.0";

    /** @return the decisions in the order of the events; never empty */
    public List<EventDecision> parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return List.of(malformed(payload, "(empty message)"));
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            return List.of(malformed(payload, "(not a JSON event: " + e.getOriginalMessage() + ")"));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of(malformed(payload, "(null event)"));
        }
        if (root.isObject()) {
            return List.of(decide(root, payload, ""));
        }
        if (!root.isArray()) {
            return List.of(malformed(payload, "(not a JSON event: a " + root.getNodeType().name().toLowerCase() + ")"));
        }
        if (root.isEmpty()) {
            return List.of(malformed(payload, "(empty batch)"));
        }
        List<EventDecision> decisions = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            String position = "event " + (i + 1) + " of " + root.size() + ": ";
            decisions.add(element.isObject()
                    ? decide(element, element.toString(), position)
                    : malformed(element.toString(), "(" + position + "not a JSON object)"));
        }
        return decisions;
    }

    /** One event object: recognise its schema, map it, then check what ingestion needs. */
    private EventDecision decide(JsonNode node, String source, String position) {
        BlobCreatedEvent event;
        try {
            if (node.hasNonNull("eventType")) {
                event = Json.mapper().treeToValue(node, BlobCreatedEvent.class);
            } else if (node.hasNonNull("specversion")) {
                String version = node.get("specversion").asText();
                if (!CLOUDEVENTS_SPEC_VERSION.equals(version)) {
                    return malformed(source, "(" + position + "unsupported CloudEvents specversion " + version + ")");
                }
                event = fromCloudEvent(node);
            } else {
                return malformed(source, "(" + position
                        + "unknown schema: neither eventType (Event Grid) nor specversion (CloudEvents))");
            }
        } catch (JsonProcessingException e) {
            return malformed(source, "(" + position + "not a blob event: " + e.getOriginalMessage() + ")");
        }
        return check(event, source, position);
    }

    /** CloudEvents 1.0 attributes onto the Event Grid shape: type, time and source become eventType, eventTime, topic. */
    private static BlobCreatedEvent fromCloudEvent(JsonNode node) throws JsonProcessingException {
        JsonNode dataNode = node.get("data");
        BlobCreatedEvent.Data data = dataNode == null || dataNode.isNull()
                ? null
                : Json.mapper().treeToValue(dataNode, BlobCreatedEvent.Data.class);
        return new BlobCreatedEvent(text(node, "id"), text(node, "source"), text(node, "subject"),
                text(node, "type"), text(node, "time"), data, null, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private EventDecision check(BlobCreatedEvent event, String source, String position) {
        if (!BlobCreatedEvent.BLOB_CREATED.equals(event.eventType())) {
            return new EventDecision.Skip(new Failure(Reason.NOT_BLOB_CREATED, "(" + event.eventType() + ")"), event.id());
        }
        BlobCreatedEvent.Data data = event.data();
        if (data == null) {
            return missing(source, position, "data");
        }
        if (!INGESTED_APIS.contains(data.api())) {
            return new EventDecision.Skip(new Failure(Reason.API_NOT_INGESTED, "(" + data.api() + ")"), event.id());
        }
        if (isBlank(event.id())) {
            return missing(source, position, "id");
        }
        if (isBlank(data.url())) {
            return missing(source, position, "data.url");
        }
        if (isBlank(data.eTag())) {
            return missing(source, position, "data.eTag");
        }
        if (isBlank(event.eventTime())) {
            return missing(source, position, "eventTime");
        }
        Instant eventTime;
        try {
            eventTime = OffsetDateTime.parse(event.eventTime()).toInstant();
        } catch (DateTimeParseException e) {
            return malformed(source, "(" + position + "eventTime is not ISO-8601: " + event.eventTime() + ")");
        }
        return new EventDecision.Ingest(event, data.url(), data.eTag(), eventTime);
    }

    private static EventDecision missing(String source, String position, String field) {
        return malformed(source, "(" + position + "missing " + field + ")");
    }

    private static EventDecision malformed(String source, String detail) {
        return new EventDecision.Malformed(new Failure(Reason.MALFORMED_EVENT, detail), source == null ? "" : source);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
