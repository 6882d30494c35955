package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Builds the BlobCreated event (Azure Event Grid schema) that announces a landed file, as Event
 * Grid would for a blob in container {@code landing}, with a {@code file://} url.
 */
public final class LandingEvents {

    public static final String CONTAINER = "landing";
    public static final String API = "PutBlob";

    private final Path root;

    /** @param root the landing root, absolute */
    public LandingEvents(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public BlobCreatedEvent blobCreated(StableFile file, String eventId, Instant now) {
        Path absolute = root.resolve(file.relativePath()).normalize();
        BlobCreatedEvent.Data data = new BlobCreatedEvent.Data(
                API,
                null,
                null,
                file.eTag(),
                contentType(file.relativePath()),
                file.stat().size(),
                "BlockBlob",
                absolute.toUri().toString(),
                sequencer(file.stat()));
        return new BlobCreatedEvent(
                eventId,
                "local://" + root,
                "/blobServices/default/containers/" + CONTAINER + "/blobs/" + file.relativePath(),
                BlobCreatedEvent.BLOB_CREATED,
                now.toString(),
                data,
                "",
                "1");
    }

    /** Like Event Grid's: 32 hex digits that order versions of one blob (modification time first). */
    static String sequencer(FileStat stat) {
        return String.format(Locale.ROOT, "%016x%016x", stat.modifiedNanos(), stat.size());
    }

    private static String contentType(String relativePath) {
        return relativePath.toLowerCase(Locale.ROOT).endsWith(".csv") ? "text/csv" : "application/octet-stream";
    }
}
