package io.netflixlakehouse.ingest.it;

import io.netflixlakehouse.contracts.Topics;
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

    private KafkaClusterTestKit cluster;

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

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the test Kafka broker", e);
            }
        }
    }
}
