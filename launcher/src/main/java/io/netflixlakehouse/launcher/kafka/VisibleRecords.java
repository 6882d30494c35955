package io.netflixlakehouse.launcher.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records a read_committed consumer would still receive between two offsets. Offsets also number
 * transaction markers: a consumer that committed the offset after its last record, right before a commit marker,
 * has nothing left to read although the end offset is one higher.
 */
public final class VisibleRecords implements AutoCloseable {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;

    public VisibleRecords(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "lakehouse-launcher-lag-probe");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Records in {@code [from, to)} of {@code partition} a read_committed consumer receives.
     *
     * @return the count, or {@code to - from} (every offset a record) when the probe cannot reach {@code to} in time
     */
    public long count(TopicPartition partition, long from, long to) {
        if (to <= from) {
            return 0L;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long records = 0;
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        while (consumer.position(partition, PROBE_TIMEOUT) < to) {
            if (System.nanoTime() > deadline) {
                return to - from;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to) {
                    records++;
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
