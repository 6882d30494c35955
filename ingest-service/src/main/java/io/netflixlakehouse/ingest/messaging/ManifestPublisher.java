package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes file manifests keyed by file id and waits for Kafka's acknowledgement. */
@ApplicationScoped
public class ManifestPublisher {

    @Inject
    @Channel("ingest-files")
    Emitter<FileIngested> emitter;

    @Inject
    IngestConfig config;

    /** Blocks until Kafka acknowledges the manifest. @throws Acks.NotAcknowledged if it does not */
    public void publish(FileIngested manifest) {
        Acks.sendAndAwait(emitter, manifest, manifest.id(), config.publishTimeout(), "manifest " + manifest.id());
    }
}
