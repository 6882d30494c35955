package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes BlobCreated events keyed by blob url (the landing watcher's output). */
@ApplicationScoped
public class BlobEventPublisher {

    @Inject
    @Channel("blob-events-out")
    Emitter<BlobCreatedEvent> emitter;

    @Inject
    IngestConfig config;

    /** Blocks until Kafka acknowledges the event. @throws Acks.NotAcknowledged if it does not */
    public void publish(BlobCreatedEvent event) {
        Acks.sendAndAwait(emitter, event, event.data().url(), config.publishTimeout(), "blob event " + event.id());
    }
}
