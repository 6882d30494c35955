package io.netflixlakehouse.lakewriter.offsets;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/** {@link ConsumerGroupOffsets} over Kafka's Admin client (the group has no members: nothing joins it). */
public final class KafkaConsumerGroupOffsets implements ConsumerGroupOffsets {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    private KafkaConsumerGroupOffsets(Admin admin) {
        this.admin = admin;
    }

    /** An Admin client on {@code bootstrapServers}. */
    public static KafkaConsumerGroupOffsets connect(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "lakehouse-lake-writer-offsets");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return new KafkaConsumerGroupOffsets(Admin.create(props));
    }

    @Override
    public List<Integer> partitions(String topic) {
        TopicDescription description = await(admin.describeTopics(List.of(topic)).allTopicNames(),
                "describe topic " + topic + " (topics are created by the launcher, never auto-created)").get(topic);
        return description.partitions().stream().map(TopicPartitionInfo::partition).sorted().toList();
    }

    @Override
    public SortedMap<Integer, Long> committed(String groupId, String topic) {
        Map<TopicPartition, OffsetAndMetadata> all = await(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                "list offsets of group " + groupId);
        SortedMap<Integer, Long> offsets = new TreeMap<>();
        all.forEach((tp, om) -> {
            if (om != null && tp.topic().equals(topic)) {
                offsets.put(tp.partition(), om.offset());
            }
        });
        return offsets;
    }

    @Override
    public void commit(String groupId, String topic, Map<Integer, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
        offsets.forEach((p, o) -> request.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
        await(admin.alterConsumerGroupOffsets(groupId, request).all(), "commit offsets of group " + groupId);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaGroupException("Kafka refused to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaGroupException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaGroupException("Interrupted while waiting to " + what, e);
        }
    }

    /** An Admin operation failed. */
    public static final class KafkaGroupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KafkaGroupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
