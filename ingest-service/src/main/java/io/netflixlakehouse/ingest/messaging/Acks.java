package io.netflixlakehouse.ingest.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sending one keyed message and waiting for its Kafka acknowledgement, with a bound. */
final class Acks {

    private Acks() {
    }

    /** Sends {@code payload} keyed by {@code key} and blocks until Kafka acknowledges it. @throws NotAcknowledged if it does not */
    static <T> void sendAndAwait(Emitter<T> emitter, T payload, String key, Duration timeout, String what) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        emitter.send(Message.of(payload, Metadata.of(kafka),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    acked.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                }));
        await(acked, timeout, what);
    }

    /** @throws NotAcknowledged if it was refused, timed out, or the wait was interrupted */
    static void await(CompletableFuture<Void> ack, Duration timeout, String what) {
        try {
            ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotAcknowledged(what + " refused by Kafka: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotAcknowledged(what + " not acknowledged within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged("interrupted while waiting for " + what, e);
        }
    }

    /** Kafka did not take a message. */
    static final class NotAcknowledged extends RuntimeException {
        NotAcknowledged(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
