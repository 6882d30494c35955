package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.ingest.config.IngestConfig;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Publishes file manifests keyed by file id and waits for Kafka's acknowledgement. */
@ApplicationScoped
public class ManifestPublisher {

    @Inject
    @Channel("ingest-files")
    Emitter<FileIngested> emitter;

    @Inject
    IngestConfig config;

    /** @throws java.util.concurrent.CompletionException (or a timeout) if Kafka does not acknowledge it */
    public void publish(FileIngested manifest) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(manifest.id())
                .build();
        emitter.send(Message.of(manifest, Metadata.of(kafka),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    acked.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                }));
        Acks.await(acked, config.publishTimeout(), "manifest " + manifest.id());
    }
}
