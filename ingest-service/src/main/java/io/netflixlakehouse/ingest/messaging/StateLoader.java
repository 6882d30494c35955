package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.FileProgress;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.ingest.config.IngestConfig;
import io.netflixlakehouse.ingest.domain.FileLedger;
import io.netflixlakehouse.ingest.domain.SchemaHistory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the durable state before the first event is handled: the ledger from the compacted manifest
 * topic (latest manifest per file version) and each dataset's schema history from the compacted
 * schemas topic, read committed, from the beginning to the end offsets seen at start-up. Events wait
 * for it ({@link #awaitLoaded}). Policy STATE_LOAD_FAILED: if the topics cannot be read within
 * {@code state-load-timeout}, start-up fails (ingesting without the ledger could ingest a file twice).
 * A value that is not a valid record is skipped and logged (UNREADABLE_STATE_RECORD).
 */
@ApplicationScoped
public class StateLoader {

    private static final Logger LOG = Logger.getLogger(StateLoader.class);

    @Inject
    IngestConfig config;

    @Inject
    FileLedger ledger;

    @Inject
    SchemaHistory schemas;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final CountDownLatch loaded = new CountDownLatch(1);

    void onStart(@Observes StartupEvent startup) {
        if (!config.loadStateAtStartup()) {
            loaded.countDown();
            return;
        }
        long started = System.nanoTime();
        int[] counts = new int[2];
        try {
            readAll(Topics.INGEST_FILES, value -> {
                ledger.record(Json.mapper().readValue(value, FileIngested.class));
                counts[0]++;
            });
            readAll(Topics.INGEST_PROGRESS, value -> ledger.progress(Json.mapper().readValue(value, FileProgress.class)));
            readAll(Topics.INGEST_SCHEMAS, value -> {
                schemas.apply(Json.mapper().readValue(value, DatasetSchemaChanged.class));
                counts[1]++;
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException("STATE_LOAD_FAILED: cannot read " + Topics.INGEST_FILES + " and "
                    + Topics.INGEST_SCHEMAS + " from " + bootstrapServers + ": " + e.getMessage(), e);
        }
        loaded.countDown();
        LOG.infof("Loaded the ledger (%d manifests, %d file versions) and %d schema changes in %d ms",
                counts[0], ledger.size(), counts[1], (System.nanoTime() - started) / 1_000_000);
    }

    /** Blocks until the state is loaded. @throws IllegalStateException if it is not within the timeout */
    public void awaitLoaded() {
        try {
            if (!loaded.await(config.stateLoadTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("STATE_LOAD_FAILED: ledger not loaded within " + config.stateLoadTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the ledger", e);
        }
    }

    /** A parse step that may fail on one value. */
    @FunctionalInterface
    private interface ValueHandler {
        void accept(String value) throws IOException;
    }

    private void readAll(String topic, ValueHandler handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Duration timeout = config.stateLoadTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, timeout)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not read to the end within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        handler.accept(record.value());
                    } catch (IOException e) {
                        LOG.warnf("UNREADABLE_STATE_RECORD: %s-%d@%d skipped: %s",
                                topic, record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
        }
    }
}
