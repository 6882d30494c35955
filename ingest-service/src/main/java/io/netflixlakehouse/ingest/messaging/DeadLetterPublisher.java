package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.DeadLetter;
import io.netflixlakehouse.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes dead letters keyed by source url (or id when there is none) and waits for Kafka's acknowledgement. */
@ApplicationScoped
public class DeadLetterPublisher {

    @Inject
    @Channel("dead-letter")
    Emitter<DeadLetter> emitter;

    @Inject
    IngestConfig config;

    /** @throws Acks.NotAcknowledged if Kafka does not take it */
    public void publish(DeadLetter letter) {
        String key = letter.sourceUrl() == null ? letter.id() : letter.sourceUrl();
        Acks.sendAndAwait(emitter, letter, key, config.publishTimeout(), "dead letter " + letter.id());
    }
}
