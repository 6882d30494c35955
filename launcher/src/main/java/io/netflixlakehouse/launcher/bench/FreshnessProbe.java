package io.netflixlakehouse.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.launcher.domain.ManifestMatch;
import io.netflixlakehouse.launcher.pipeline.LandingDrop;
import io.netflixlakehouse.launcher.pipeline.PipelineStack;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Freshness of one small file in a running pipeline: from the atomic rename into the landing folder to its rows
 * visible in silver. A file's records end either on the curated topic (silver) or on the quarantine topic; the
 * probe reads both (and the ingest manifests, for the count) from their ends, notes the highest offset of the file's
 * records per partition, and calls the file visible once the lake-writer's group has committed past all of them.
 * The lake-writer commits its group offsets only after the micro-batch's Delta commit, so a committed offset past a
 * record means the record is in the Delta table.
 */
public final class FreshnessProbe implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.INGEST_FILES, Topics.TITLES_CURATED,
            Topics.TITLES_QUARANTINE);
    private static final Duration POLL = Duration.ofMillis(50);

    private final PipelineStack stack;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public FreshnessProbe(PipelineStack stack) {
        this.stack = stack;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "lakehouse-bench-freshness");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = TOPICS.stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * Seconds from the drop of one file.
     *
     * @param manifest to its ingest manifest (the file read, its raw records produced)
     * @param curated to its last record on the curated or quarantine topic (quality and curation done)
     * @param visible to the lake-writer's group committed past all of them (rows in the Delta tables)
     */
    public record Measurement(double manifest, double curated, double visible) {
    }

    /** Drops {@code file} and measures until its rows are visible in silver (or quarantine). */
    public Measurement measure(Path file, Instant deadline) throws InterruptedException, TimeoutException {
        Path landed = LandingDrop.drop(file, stack.run().landing());
        long dropped = System.nanoTime();
        long expected = -1;
        long seen = 0;
        long manifestAt = 0;
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        while (expected < 0 || seen < expected) {
            stack.checkAlive();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                JsonNode value = parse(record);
                if (value == null) {
                    continue;
                }
                if (record.topic().equals(Topics.INGEST_FILES)) {
                    if (ManifestMatch.matches(value.path("sourceUrl").asText(), landed)) {
                        if (!"COMPLETED".equals(value.path("status").asText())) {
                            throw new IllegalStateException("freshness: ingest of " + landed.getFileName()
                                    + " ended " + value.path("status").asText() + ": " + value.path("reason").asText());
                        }
                        expected = value.path("records").asLong();
                        manifestAt = System.nanoTime();
                    }
                } else if (ManifestMatch.matches(value.path("lineage").path("sourceUrl").asText(), landed)) {
                    seen++;
                    lastOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset(),
                            Math::max);
                }
            }
            requireBefore(deadline, landed);
        }
        long curatedAt = System.nanoTime();
        while (!committedPast(lastOffsets)) {
            requireBefore(deadline, landed);
            Thread.sleep(POLL.toMillis());
        }
        long visibleAt = System.nanoTime();
        return new Measurement((manifestAt - dropped) / 1e9, (curatedAt - dropped) / 1e9, (visibleAt - dropped) / 1e9);
    }

    private boolean committedPast(Map<TopicPartition, Long> lastOffsets) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = stack.admin()
                    .listConsumerGroupOffsets(ServiceCatalog.LAKE_WRITER_GROUP)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            return lastOffsets.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata offset = committed.get(e.getKey());
                return offset != null && offset.offset() > e.getValue();
            });
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the lake-writer's offsets: " + e.getMessage(), e);
        }
    }

    private static void requireBefore(Instant deadline, Path file) throws TimeoutException {
        if (Instant.now().isAfter(deadline)) {
            throw new TimeoutException("freshness: " + file.getFileName() + " not visible before the deadline");
        }
    }

    /** A value that is not JSON cannot belong to the probed file: skipped. */
    private static JsonNode parse(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(record.value());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
