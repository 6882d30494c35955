package io.netflixlakehouse.ingest.it;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.FileProgress;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.ingest.domain.CsvRecordReader;
import io.netflixlakehouse.ingest.domain.DatasetSpec;
import io.netflixlakehouse.ingest.domain.DatasetSpecParser;
import io.netflixlakehouse.ingest.domain.FileSchema;
import io.netflixlakehouse.ingest.domain.RecordContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker in the test JVM with the pipeline's topics (and the lookups topic
 * the seed's lookup specs name) created up front, and one manifest already in the ledger before the
 * service starts (so the test sees the ledger loaded from Kafka).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    static final String LOOKUPS_RAW = "netflix.lookups.raw.v1";

    /** Records the crashed instance committed, and how many more it left in its open transaction. */
    static final int COMMITTED_BEFORE_CRASH = 3000;
    static final int OPEN_AT_CRASH = 2000;

    private KafkaClusterTestKit cluster;
    private KafkaProducer<String, Object> zombie;

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            createTopics(cluster.bootstrapServers());
            seedLedger(cluster.bootstrapServers());
            zombie = crashMidFile(cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test Kafka broker", e);
        }
        return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                NewTopic newTopic = new NewTopic(topic, Topics.DEFAULT_PARTITIONS, (short) 1);
                topics.add(Topics.COMPACTED.contains(topic)
                        ? newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                        : newTopic);
            }
            if (!Topics.ALL.contains(LOOKUPS_RAW)) {
                topics.add(new NewTopic(LOOKUPS_RAW, Topics.DEFAULT_PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    private static void seedLedger(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, FileIngested> producer =
                new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>())) {
            FileIngested manifest = IngestServiceIT.preIngested();
            producer.send(new ProducerRecord<>(Topics.INGEST_FILES, manifest.id(), manifest)).get();
        }
    }

    /**
     * What an instance killed in the middle of a file leaves behind: transactions of records with their progress
     * committed, then an open transaction with more records, whose producer never commits (like kill -9). The
     * service starts with the same transactional id. The records are those the service makes (same ids).
     */
    private static KafkaProducer<String, Object> crashMidFile(String bootstrapServers) throws Exception {
        Path file = Files.copy(Path.of("../data/kaggle/netflix_titles.csv"), IngestServiceIT.crashFile());
        String url = file.toUri().toString();
        DatasetSpec spec = new DatasetSpecParser().parse("titles.yaml",
                Files.readString(Path.of("src/main/resources/datasets/titles.yaml")));
        RecordContext context = new RecordContext(spec, url, "0x1", "evt-crashed", Instant.now(), Clock.systemUTC());
        List<RawRecord> records = new ArrayList<>();
        try (InputStream input = Files.newInputStream(file)) {
            new CsvRecordReader().read(input, context, (header, line) -> FileSchema.plan(spec, spec.columnNames(), header, line),
                    record -> {
                        if (records.size() < COMMITTED_BEFORE_CRASH + OPEN_AT_CRASH) {
                            records.add(record);
                        }
                    });
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lakehouse-ingest-0");
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "600000");
        KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>());
        producer.initTransactions();
        producer.beginTransaction();
        for (RawRecord record : records.subList(0, COMMITTED_BEFORE_CRASH)) {
            producer.send(new ProducerRecord<>(Topics.TITLES_RAW, record.key(), record));
        }
        RawRecord last = records.get(COMMITTED_BEFORE_CRASH - 1);
        String fileId = RecordIds.ofFile(url, "0x1");
        producer.send(new ProducerRecord<>(Topics.INGEST_PROGRESS, fileId, new FileProgress(FileProgress.SCHEMA_VERSION,
                fileId, Instant.now(), url, "0x1", last.lineage().recordNumber(), last.lineage().lineNumber())));
        producer.commitTransaction();
        producer.beginTransaction();
        for (RawRecord record : records.subList(COMMITTED_BEFORE_CRASH, records.size())) {
            producer.send(new ProducerRecord<>(Topics.TITLES_RAW, record.key(), record));
        }
        producer.flush();
        return producer;
    }

    @Override
    public void stop() {
        if (zombie != null) {
            zombie.close(java.time.Duration.ZERO);
        }
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the test Kafka broker", e);
            }
        }
    }
}
