package io.netflixlakehouse.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.launcher.kafka.KafkaBroker;
import io.netflixlakehouse.launcher.kafka.TopicSetup;
import io.netflixlakehouse.launcher.pipeline.RunLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void shouldStartTheBrokerProcessCreateTopicsCarryARecordAndStopWithNothingLeft() throws Exception {
        RunLayout run = RunLayout.createAt(dir.resolve("run"));
        List<ProcessHandle> tree = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(TestHome.brokerLib(), run.kafka(), run.logs(),
                Duration.ofSeconds(60))) {
            tree.addAll(broker.process().liveHandles());
            try (Admin admin = broker.admin()) {
                TopicSetup.createAll(admin);

                Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames()
                        .get(10, TimeUnit.SECONDS);
                assertThat(topics).containsOnlyKeys(Topics.ALL);
                assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(Topics.DEFAULT_PARTITIONS));
                ConfigResource gold = new ConfigResource(ConfigResource.Type.TOPIC, Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY);
                assertThat(admin.describeConfigs(List.of(gold)).all().get(10, TimeUnit.SECONDS).get(gold)
                        .get("cleanup.policy").value()).isEqualTo("compact");
            }

            produce(broker.bootstrapServers(), Topics.TITLES_RAW, "s1", "{\"show_id\":\"s1\"}");
            ConsumerRecord<String, String> record = consumeOne(broker.bootstrapServers(), Topics.TITLES_RAW);

            assertThat(record.key()).isEqualTo("s1");
            assertThat(record.value()).isEqualTo("{\"show_id\":\"s1\"}");
        }

        assertThat(tree).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(run.log("kafka")).content(StandardCharsets.UTF_8).contains("Kafka Server started");
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<String, String> consumeOne(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
            throw new AssertionError("no record on " + topic + " within 30 s");
        }
    }
}
