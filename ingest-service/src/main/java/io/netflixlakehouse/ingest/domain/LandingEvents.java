package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;

/**
 * Builds the BlobCreated event (Azure Event Grid schema) that announces a listed blob: a landed file
 * (container {@code landing}, {@code file://} url) or a blob found by listing a storage container.
 * A listed blob is committed, hence complete: its api is PutBlob.
 */
public final class LandingEvents {

    public static final String CONTAINER = "landing";
    public static final String API = "PutBlob";

    private final String topic;
    private final String container;
    private final Function<String, String> urlOf;

    /** Events of the landing folder: {@code root} absolute. */
    public LandingEvents(Path root) {
        this("local://" + root.toAbsolutePath().normalize(), CONTAINER,
                relativePath -> root.toAbsolutePath().normalize().resolve(relativePath).normalize().toUri().toString());
    }

    /**
     * Events of one container.
     *
     * @param topic the source (e.g. the account url)
     * @param urlOf the url of a blob of the container from its name
     */
    public LandingEvents(String topic, String container, Function<String, String> urlOf) {
        this.topic = topic;
        this.container = container;
        this.urlOf = urlOf;
    }

    public BlobCreatedEvent blobCreated(StableFile file, String eventId, Instant now) {
        return BlobCreatedEvent.of(eventId, now.toString(), topic, container, file.relativePath(), API,
                urlOf.apply(file.relativePath()), file.eTag(), file.stat().size(),
                BlobCreatedEvent.contentType(file.relativePath()), sequencer(file.stat()));
    }

    /** Like Event Grid's: 32 hex digits that order versions of one blob (modification time first). */
    static String sequencer(FileStat stat) {
        return BlobCreatedEvent.sequencer(stat.modifiedNanos(), stat.size());
    }
}
