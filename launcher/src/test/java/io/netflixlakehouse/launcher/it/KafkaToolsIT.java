package io.netflixlakehouse.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.domain.GroupLag;
import io.netflixlakehouse.launcher.domain.PartitionKey;
import io.netflixlakehouse.launcher.kafka.ConsumerGroupReset;
import io.netflixlakehouse.launcher.kafka.GroupLagReader;
import io.netflixlakehouse.launcher.kafka.KafkaBroker;
import io.netflixlakehouse.launcher.kafka.TopicSetup;
import io.netflixlakehouse.launcher.kafka.VisibleRecords;
import io.netflixlakehouse.launcher.pipeline.CompletionWatcher;
import io.netflixlakehouse.launcher.pipeline.Progress;
import io.netflixlakehouse.launcher.pipeline.RunLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's Kafka tools against one real broker process: manifests, lag (with transactions), reset. */
class KafkaToolsIT {

    @TempDir
    static Path dir;

    private static KafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        RunLayout run = RunLayout.createAt(dir.resolve("run"));
        broker = KafkaBroker.start(TestHome.brokerLib(), run.kafka(), run.logs(), Duration.ofSeconds(90));
        admin = broker.admin();
        TopicSetup.createAll(admin);
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
            assertThat(broker.process().isAlive()).isFalse();
        }
    }

    @Test
    void shouldFindTheManifestOfTheDroppedFileAmongOthers() throws Exception {
        Path file = dir.resolve("landing/netflix_titles.csv");
        try (KafkaProducer<String, FileIngested> producer =
                new KafkaProducer<>(producerProps(), new StringSerializer(), new JsonSerializer<>())) {
            producer.send(new ProducerRecord<>(Topics.INGEST_FILES, "other", manifest(dir.resolve("landing/other.csv"),
                    FileIngested.Status.COMPLETED, 3, null))).get();
            producer.send(new ProducerRecord<>(Topics.INGEST_FILES, "it", manifest(file,
                    FileIngested.Status.COMPLETED, 8807, null))).get();
        }

        FileIngested found = watcher().awaitManifest(file, Instant.now().plusSeconds(60));

        assertThat(found.records()).isEqualTo(8807);
        assertThat(found.sourceUrl()).isEqualTo(file.toUri().toString());
    }

    @Test
    void shouldFailWithTheReasonOfAFailedManifest() throws Exception {
        Path file = dir.resolve("landing/broken.csv");
        try (KafkaProducer<String, FileIngested> producer =
                new KafkaProducer<>(producerProps(), new StringSerializer(), new JsonSerializer<>())) {
            producer.send(new ProducerRecord<>(Topics.INGEST_FILES, "broken", manifest(file,
                    FileIngested.Status.FAILED, 0, "HEADER_MISMATCH: no show_id column"))).get();
        }

        assertThatThrownBy(() -> watcher().awaitManifest(file, Instant.now().plusSeconds(60)))
                .isInstanceOf(CompletionWatcher.IngestFailedException.class)
                .hasMessageContaining("FAILED")
                .hasMessageContaining("HEADER_MISMATCH");
    }

    @Test
    void shouldSeeAGroupThatReadATransactionalTopicToTheEndAsCaughtUp() throws Exception {
        String topic = Topics.TITLES_CURATED;
        Properties props = producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx");
        Map<TopicPartition, OffsetAndMetadata> afterLastRecord = new HashMap<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "s" + i, "{}")));
            }
            producer.commitTransaction();
            for (Future<RecordMetadata> future : sent) {
                RecordMetadata meta = future.get();
                afterLastRecord.merge(new TopicPartition(meta.topic(), meta.partition()),
                        new OffsetAndMetadata(meta.offset() + 1),
                        (a, b) -> a.offset() >= b.offset() ? a : b);
            }
        }
        GroupInputs inputs = new GroupInputs("it-lag", List.of(topic), false);
        // Nothing committed yet: behind by every record, and by the commit markers after them. The coordinator
        // writes the markers after commitTransaction() returns, so the last stable offset moves a moment later.
        assertThat(lagOnceStable(inputs, 30L + afterLastRecord.size())).isEqualTo(30L + afterLastRecord.size());

        // What a consumer commits after its last record: the offset right before the commit marker.
        admin.alterConsumerGroupOffsets("it-lag", afterLastRecord).all().get(15, TimeUnit.SECONDS);

        assertThat(new GroupLagReader(admin).read(inputs).total()).as("by offsets, one marker per partition")
                .isEqualTo(afterLastRecord.size());
        try (VisibleRecords probe = new VisibleRecords(broker.bootstrapServers())) {
            GroupLag lag = new GroupLagReader(admin, probe).read(inputs);
            assertThat(lag.caughtUp()).as("lag %s", lag.lagByPartition()).isTrue();
        }
    }

    /** The group's total lag, read until it equals {@code expected} or 15 s have passed. */
    private long lagOnceStable(GroupInputs inputs, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        long lag = new GroupLagReader(admin).read(inputs).total();
        while (lag != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            lag = new GroupLagReader(admin).read(inputs).total();
        }
        return lag;
    }

    @Test
    void shouldStillCountARecordLeftBeforeTheEnd() throws Exception {
        String topic = Topics.TITLES_VALIDATED;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerProps(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "v1", "{}")).get();
            producer.send(new ProducerRecord<>(topic, 0, "v2", "{}")).get();
        }
        admin.alterConsumerGroupOffsets("it-left", Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1)))
                .all().get(15, TimeUnit.SECONDS);

        try (VisibleRecords probe = new VisibleRecords(broker.bootstrapServers())) {
            GroupLag lag = new GroupLagReader(admin, probe).read(new GroupInputs("it-left", List.of(topic), false));
            assertThat(lag.lagByPartition()).containsEntry(new PartitionKey(topic, 0), 1L);
        }
    }

    @Test
    void shouldRewindAnEmptyGroupToTheEarliestOffsets() throws Exception {
        String topic = Topics.TITLES_QUARANTINE;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerProps(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 12; i++) {
                producer.send(new ProducerRecord<>(topic, "q" + i, "{}"));
            }
            producer.flush();
        }
        consumeAllAndCommit("it-reset", topic, 12);
        assertThat(new GroupLagReader(admin).read(new GroupInputs("it-reset", List.of(topic), false)).caughtUp())
                .isTrue();

        Map<String, Map<PartitionKey, Long>> reset = new ConsumerGroupReset(admin).resetToEarliest(
                List.of("it-reset"), ConsumerGroupReset.MemberPolicy.FAIL, Duration.ofSeconds(5));

        assertThat(reset.get("it-reset")).hasSize(Topics.DEFAULT_PARTITIONS).containsValues(0L);
        assertThat(reset.get("it-reset").values()).containsOnly(0L);
        assertThat(new GroupLagReader(admin).read(new GroupInputs("it-reset", List.of(topic), false)).total())
                .isEqualTo(12);
    }

    @Test
    void shouldRefuseToResetAGroupWithAMember() throws Exception {
        try (KafkaConsumer<String, String> member = consumer("it-busy")) {
            member.subscribe(List.of(Topics.TITLES_RAW));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(200));
            }

            assertThatThrownBy(() -> new ConsumerGroupReset(admin).resetToEarliest(List.of("it-busy"),
                    ConsumerGroupReset.MemberPolicy.FAIL, Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("it-busy is not empty");
        }
    }

    private CompletionWatcher watcher() {
        return new CompletionWatcher(broker.bootstrapServers(), admin, () -> { }, new Progress(System.out));
    }

    private static FileIngested manifest(Path file, FileIngested.Status status, long records, String reason) {
        return new FileIngested(FileIngested.SCHEMA_VERSION, "id-" + file.getFileName(), Instant.now(), "titles",
                file.toUri().toString(), "0x1", "event-1", status, records, reason);
    }

    private static void consumeAllAndCommit(String group, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen < expected && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertThat(seen).isEqualTo(expected);
            consumer.commitSync();
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }
}
