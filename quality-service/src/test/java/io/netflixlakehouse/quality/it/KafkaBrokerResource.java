package io.netflixlakehouse.quality.it;

import io.netflixlakehouse.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker in the test JVM, with the pipeline's topics created up front (the service never
 * creates topics), and test-only expectations: a drop rule on titles and a fail rule on seed_titles.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

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
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test Kafka broker", e);
        }
        return Map.of(
                "kafka.bootstrap.servers", cluster.bootstrapServers(),
                "lakehouse.quality.datasets.titles.rules.description_present.expression", "description IS NOT NULL",
                "lakehouse.quality.datasets.titles.rules.description_present.action", "drop",
                "lakehouse.quality.datasets.seed_titles.rules.no_future_titles.expression", "CAST(release_year AS INT) <= 2030",
                "lakehouse.quality.datasets.seed_titles.rules.no_future_titles.action", "fail",
                "quarkus.http.test-port", "0");
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(topic -> {
                        NewTopic newTopic = new NewTopic(topic, Topics.DEFAULT_PARTITIONS, (short) 1);
                        return Topics.COMPACTED.contains(topic)
                                ? newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                                : newTopic;
                    })
                    .toList();
            admin.createTopics(topics).all().get();
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
