package io.netflixlakehouse.quality.messaging;

import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.serde.ContractSerdes;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import io.netflixlakehouse.quality.config.QualityConfig;
import io.netflixlakehouse.quality.domain.QualityFlow;
import io.netflixlakehouse.quality.domain.Redrive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs one re-drive of a dataset as transactional consume-produce: a read_committed consumer of the dataset's
 * quarantine topic in its own group ({@code <group-prefix>-<dataset>}) reads up to the end offsets seen at the
 * start; per poll, the released records, the re-quarantined ones, the RELEASED events and the consumed offsets are
 * committed in one transaction. The transactional id is fixed per dataset, so a second concurrent re-drive fences
 * the first. Run again, it starts after the last committed offset: nothing is released twice.
 */
public final class RedriveRunner {

    /**
     * The outcome of one re-drive.
     *
     * @param dataset the dataset
     * @param topic the quarantine topic read
     * @param read quarantine records read
     * @param released sent on to validated
     * @param stillQuarantined still failing, quarantined again
     * @param skipped records of other datasets on the topic
     * @param ruleSetVersion the rule set applied
     */
    public record Result(String dataset, String topic, long read, long released, long stillQuarantined, long skipped,
            String ruleSetVersion) {
    }

    private static final int MAX_IDLE_POLLS = 30;

    private final String bootstrapServers;
    private final QualityConfig config;
    private final QualityFlow.Destinations destinations;
    private final Redrive redrive;

    public RedriveRunner(String bootstrapServers, QualityConfig config, QualityFlow.Destinations destinations, Redrive redrive) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.destinations = destinations;
        this.redrive = redrive;
    }

    public Result run(String dataset, String ruleSetVersion) {
        String topic = destinations.quarantineTopic(dataset, null);
        String group = config.redrive().groupPrefix() + "-" + dataset;
        long read = 0;
        long released = 0;
        long still = 0;
        long skipped = 0;
        try (KafkaConsumer<String, QuarantineRecord> consumer = consumer(group);
                KafkaProducer<String, Object> producer = producer(group)) {
            producer.initTransactions();
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            // read_committed: the end offsets are the last stable offsets; records quarantined later wait for the next run.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int idlePolls = 0;
            while (!reached(consumer, end)) {
                ConsumerRecords<String, QuarantineRecord> records = consumer.poll(config.redrive().pollTimeout());
                if (records.isEmpty()) {
                    if (++idlePolls > MAX_IDLE_POLLS) {
                        throw new IllegalStateException("REDRIVE_STALLED: no record of " + topic + " within "
                                + MAX_IDLE_POLLS + " polls of " + config.redrive().pollTimeout() + " before its end offsets " + end);
                    }
                    continue;
                }
                idlePolls = 0;
                List<QuarantineRecord> chunk = new ArrayList<>(records.count());
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                Map<String, Long> first = new TreeMap<>();
                for (ConsumerRecord<String, QuarantineRecord> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    chunk.add(record.value());
                    offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    first.putIfAbsent(record.topic() + "-" + record.partition(), record.offset());
                }
                if (chunk.isEmpty()) {
                    continue;
                }
                StringBuilder chunkId = new StringBuilder("redrive:");
                first.forEach((p, o) -> chunkId.append(p).append('@').append(o).append(','));
                Redrive.Chunk result = redrive.rejudge(dataset, chunk, topic, chunkId.toString());
                producer.beginTransaction();
                for (QualityFlow.Output output : result.outputs()) {
                    producer.send(new ProducerRecord<>(output.topic(), output.key(), output.value()));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                // The next poll continues from the consumer's position; what was committed is exactly what was read.
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                    consumer.seek(e.getKey(), e.getValue().offset());
                }
                read += chunk.size();
                released += result.released();
                still += result.stillQuarantined();
                skipped += result.skipped();
            }
        }
        return new Result(dataset, topic, read, released, still, skipped, ruleSetVersion);
    }

    /** True when every partition reached its end offset; the ones that did are paused so polls serve the others. */
    private static boolean reached(KafkaConsumer<String, QuarantineRecord> consumer, Map<TopicPartition, Long> end) {
        boolean all = true;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                all = false;
            } else {
                consumer.pause(List.of(e.getKey()));
            }
        }
        return all;
    }

    private KafkaConsumer<String, QuarantineRecord> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ContractSerdes.QuarantineRecordDeserializer());
    }

    private KafkaProducer<String, Object> producer(String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>());
    }
}
