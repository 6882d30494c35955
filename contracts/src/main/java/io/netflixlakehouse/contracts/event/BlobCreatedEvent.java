package io.netflixlakehouse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A blob-storage event in the Azure Event Grid schema, exactly as an Event Grid subscription
 * delivers it to Event Hubs (and so to a Kafka consumer). The local landing folder emits the same
 * shape with a {@code file://} url, so switching to Azure is configuration, not code.
 *
 * @param id event id, unique per event
 * @param topic the source resource (storage account resource id, or {@code local://<folder>})
 * @param subject {@code /blobServices/default/containers/<container>/blobs/<path>}
 * @param eventType e.g. {@code Microsoft.Storage.BlobCreated}
 * @param eventTime ISO-8601 instant of the event
 * @param data the blob-specific payload
 * @param dataVersion version of {@code data}'s schema
 * @param metadataVersion version of the envelope's schema (Event Grid sets "1")
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobCreatedEvent(
        String id,
        String topic,
        String subject,
        String eventType,
        String eventTime,
        Data data,
        String dataVersion,
        String metadataVersion) {

    public static final String BLOB_CREATED = "Microsoft.Storage.BlobCreated";

    /**
     * The one place BlobCreated events are built (landing watcher, directory listing, {@code lakehouse upload}),
     * shaped as Event Grid delivers them for a block blob.
     *
     * @param topic the source: the storage account's resource id or url, or {@code local://<folder>}
     * @param container the container ({@code landing} for the landing folder)
     * @param blobName the blob's path inside the container
     * @param api the operation that completed the blob (PutBlob, PutBlockList ...)
     * @param sequencer orders the versions of one blob (32 hex digits)
     */
    public static BlobCreatedEvent of(String id, String eventTime, String topic, String container, String blobName,
            String api, String url, String eTag, long contentLength, String contentType, String sequencer) {
        Data data = new Data(api, null, null, eTag, contentType, contentLength, "BlockBlob", url, sequencer);
        return new BlobCreatedEvent(id, topic, "/blobServices/default/containers/" + container + "/blobs/" + blobName,
                BLOB_CREATED, eventTime, data, "", "1");
    }

    /** A sequencer like Event Grid's: 32 hex digits, modification time first, then size. */
    public static String sequencer(long modifiedNanos, long size) {
        return String.format(java.util.Locale.ROOT, "%016x%016x", modifiedNanos, size);
    }

    /** {@code text/csv} for {@code *.csv}, else {@code application/octet-stream}. */
    public static String contentType(String blobName) {
        return blobName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "text/csv" : "application/octet-stream";
    }

    /**
     * Event Grid's {@code data} object for {@code Microsoft.Storage.BlobCreated}.
     *
     * @param api the storage operation (PutBlob, PutBlockList, CopyBlob, FlushWithClose ...)
     * @param eTag the blob version this event is about
     * @param contentLength size in bytes
     * @param url where the blob is ({@code https://...} or {@code file://...})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(
            String api,
            String clientRequestId,
            String requestId,
            String eTag,
            String contentType,
            Long contentLength,
            String blobType,
            String url,
            String sequencer) {
    }
}
