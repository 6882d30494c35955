package io.netflixlakehouse.ingest.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for one Kafka acknowledgement, with a bound. */
final class Acks {

    private Acks() {
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
