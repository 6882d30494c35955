package io.netflixlakehouse.quality.messaging;

import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.quality.domain.FlowStoppedException;
import io.netflixlakehouse.quality.domain.QualityFlow;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Exactly-once consume-judge-produce: each consumed batch of raw records (titles and lookups) is judged by
 * {@link QualityFlow}, and its validated, quarantine and quality-event records are produced in one Kafka
 * transaction together with the batch's consumer offsets. If the transaction aborts (or the instance dies), none
 * of it is visible to read_committed readers and the batch is consumed again from the last committed offsets. The
 * outputs go straight to the channel's Kafka producer in one task per batch (not one emitter message each).
 * Metrics and flow stops are applied only after the commit, so a retried batch is not counted twice.
 */
@ApplicationScoped
public class RawRecordRouter {

    /** Stable code of the alert raised when a {@code fail} rule stops a dataset's flow. */
    public static final String ALERT_CODE = "LAKEHOUSE-QUALITY-001";

    private static final Logger LOG = Logger.getLogger(RawRecordRouter.class);

    /** The outgoing channel whose transactional producer writes every output. */
    static final String OUT = "quality-out";

    private final QualityFlow flow;
    private final QualityMetrics metrics;
    private final KafkaTransactions<Object> transactions;
    private final KafkaClientService clients;

    RawRecordRouter(QualityFlow flow, QualityMetrics metrics,
            @Channel(OUT) KafkaTransactions<Object> transactions,
            KafkaClientService clients) {
        this.flow = flow;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clients = clients;
    }

    @Incoming("raw-records")
    public Uni<Void> route(Message<List<RawRecord>> batch) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, RawRecord> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a batch without Kafka metadata"));
        List<QualityFlow.Input> inputs = new ArrayList<>(metadata.count());
        int tombstones = 0;
        for (ConsumerRecord<String, RawRecord> record : metadata.getRecords()) {
            if (record.value() == null) {
                // A tombstone carries no record: nothing to judge, nothing lost.
                tombstones++;
            } else {
                inputs.add(new QualityFlow.Input(record.value(), record.topic()));
            }
        }
        QualityFlow.BatchResult result = flow.judge(inputs, batchId(metadata));
        int skipped = tombstones;
        return transactions.withTransactionAndAck(batch, emitter -> sendAll(result.outputs()))
                .invoke(() -> committed(result, skipped));
    }

    /**
     * Sends a batch's outputs in the open transaction, all in one task on the producer's sending thread (one emitter
     * message per record cost more than judging it), and completes once Kafka acknowledged every one of them: a
     * refused record fails the work, so the transaction is aborted and the batch read again.
     */
    private Uni<Void> sendAll(List<QualityFlow.Output> outputs) {
        KafkaProducer<String, Object> producer = clients.getProducer(OUT);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(outputs.size() + 1);
        Callback callback = (metadata, error) -> {
            if (error != null) {
                acknowledged.completeExceptionally(error);
            } else if (pending.decrementAndGet() == 0) {
                acknowledged.complete(null);
            }
        };
        return producer.runOnSendingThread(kafka -> {
            for (QualityFlow.Output output : outputs) {
                kafka.send(new ProducerRecord<>(output.topic(), output.key(), output.value()), callback);
            }
            if (pending.decrementAndGet() == 0) {
                acknowledged.complete(null);
            }
        }).chain(() -> Uni.createFrom().completionStage(acknowledged));
    }

    private void committed(QualityFlow.BatchResult result, int tombstones) {
        metrics.record(result, tombstones);
        for (Map.Entry<String, FlowStoppedException> stop : result.stops().entrySet()) {
            flow.stop(stop.getKey(), stop.getValue());
            metrics.alert(stop.getKey());
            LOG.errorf("%s dataset '%s' stopped: %s", ALERT_CODE, stop.getKey(), stop.getValue().getMessage());
        }
    }

    /** The batch's first offset per topic-partition, e.g. {@code netflix.titles.raw.v1-0@120,netflix.titles.raw.v1-2@98}. */
    static String batchId(IncomingKafkaRecordBatchMetadata<String, RawRecord> metadata) {
        Map<String, Long> first = new TreeMap<>();
        for (TopicPartition partition : metadata.partitions()) {
            List<ConsumerRecord<String, RawRecord>> records = metadata.getRecords().records(partition);
            if (!records.isEmpty()) {
                first.put(partition.topic() + "-" + partition.partition(), records.get(0).offset());
            }
        }
        StringBuilder id = new StringBuilder();
        first.forEach((partition, offset) -> id.append(id.isEmpty() ? "" : ",").append(partition).append('@').append(offset));
        return id.toString();
    }
}
