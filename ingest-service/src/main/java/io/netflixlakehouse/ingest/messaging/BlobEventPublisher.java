package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.ingest.config.IngestConfig;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Publishes BlobCreated events keyed by blob url (the landing watcher's output). */
@ApplicationScoped
public class BlobEventPublisher {

    @Inject
    @Channel("blob-events-out")
    Emitter<BlobCreatedEvent> emitter;

    @Inject
    IngestConfig config;

    /** Blocks until Kafka acknowledges the event. @throws RuntimeException if it does not */
    public void publish(BlobCreatedEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.data().url())
                .build();
        emitter.send(Message.of(event, Metadata.of(kafka),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    acked.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                }));
        Acks.await(acked, config.publishTimeout(), "blob event " + event.id());
    }
}
