package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.ingest.config.IngestConfig;
import io.netflixlakehouse.ingest.domain.DatasetSpec;
import io.netflixlakehouse.ingest.domain.RecordSink;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends raw records to Kafka without waiting for each one: a window of
 * {@code lakehouse.ingest.max-in-flight} unacknowledged records flows through the emitter, and a
 * file is done when every permit of the window is back (every record acknowledged or refused).
 * The window is smaller than the emitter's buffer, so the buffer never overflows.
 */
@ApplicationScoped
public class RawRecordPublisher {

    /** Emitter buffer; {@code max-in-flight} may not exceed it. */
    public static final int EMITTER_BUFFER = 4096;

    @Inject
    @Channel("raw-records")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = EMITTER_BUFFER)
    Emitter<RawRecord> emitter;

    @Inject
    IngestConfig config;

    /** A sink for the records of one file. */
    public RecordSink openFile() {
        return new WindowedSink(config.maxInFlight(), config.publishTimeout().toMillis());
    }

    private final class WindowedSink implements RecordSink {

        private final int window;
        private final long timeoutMillis;
        private final Semaphore permits;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        WindowedSink(int window, long timeoutMillis) {
            this.window = window;
            this.timeoutMillis = timeoutMillis;
            this.permits = new Semaphore(window);
        }

        @Override
        public void publish(DatasetSpec dataset, RawRecord record) {
            throwIfFailed();
            acquire(1);
            OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(dataset.topic())
                    .withKey(record.key())
                    .build();
            Message<RawRecord> message = Message.of(record, Metadata.of(kafka),
                    () -> {
                        permits.release();
                        return CompletableFuture.completedFuture(null);
                    },
                    error -> {
                        failure.compareAndSet(null, error);
                        permits.release();
                        return CompletableFuture.completedFuture(null);
                    });
            try {
                emitter.send(message);
            } catch (RuntimeException e) {
                permits.release();
                throw new PublishFailed("emitter refused a record: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush() {
            acquire(window);
            permits.release(window);
            throwIfFailed();
        }

        private void acquire(int count) {
            try {
                if (!permits.tryAcquire(count, timeoutMillis, TimeUnit.MILLISECONDS)) {
                    throw new PublishFailed("no acknowledgement from Kafka within " + timeoutMillis + " ms", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailed("interrupted while waiting for Kafka", e);
            }
        }

        private void throwIfFailed() {
            Throwable error = failure.get();
            if (error != null) {
                throw new PublishFailed("Kafka refused a record: " + error.getMessage(), error);
            }
        }
    }
}
