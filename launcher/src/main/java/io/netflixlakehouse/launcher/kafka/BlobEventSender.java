package io.netflixlakehouse.launcher.kafka;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes BlobCreated events on {@link Topics#BLOB_EVENTS}, keyed by blob url, each one awaited. */
public final class BlobEventSender implements AutoCloseable {

    private final KafkaProducer<String, BlobCreatedEvent> producer;
    private final Duration timeout;

    public BlobEventSender(String bootstrapServers, Duration timeout) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout.toMillis(), 120_000)));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>());
        this.timeout = timeout;
    }

    /** @throws IllegalStateException if Kafka did not acknowledge the event in time */
    public void send(BlobCreatedEvent event) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(Topics.BLOB_EVENTS, event.data().url(), event))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused blob event " + event.id() + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("blob event " + event.id() + " not acknowledged within " + timeout, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
