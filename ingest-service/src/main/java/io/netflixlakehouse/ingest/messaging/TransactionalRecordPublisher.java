package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.FileProgress;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import io.netflixlakehouse.ingest.config.IngestConfig;
import io.netflixlakehouse.ingest.domain.DatasetSpec;
import io.netflixlakehouse.ingest.domain.FileLedger;
import io.netflixlakehouse.ingest.domain.RecordSink;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes a file's records in Kafka transactions of {@code lakehouse.ingest.transaction-records}
 * records, each with a {@link FileProgress} record (file id, records committed) on the compacted
 * progress topic. A crash leaves at most one open transaction: the restarted service, with the same
 * {@code transactional-id}, fences it (its records are aborted, invisible to read-committed readers),
 * loads the progress, and resumes after the last committed record. Memory stays flat: the producer's
 * buffer bounds what is not yet sent. One file at a time (the consumer handles events one by one).
 */
@ApplicationScoped
public class TransactionalRecordPublisher {

    @Inject
    IngestConfig config;

    @Inject
    FileLedger ledger;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, Object> producer;

    /** A sink for the records of one file. */
    public synchronized RecordSink openFile() {
        if (producer == null) {
            producer = create();
        }
        return new TransactionalSink(producer, config.transactionRecords());
    }

    /** Policy PRODUCER_RESET: after a Kafka error the producer is closed; the next file gets a new one (which fences and aborts). */
    private synchronized void reset(KafkaProducer<String, Object> broken) {
        if (producer == broken) {
            producer = null;
            broken.close(java.time.Duration.ZERO);
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        synchronized (this) {
            if (producer != null) {
                producer.close();
            }
        }
    }

    private KafkaProducer<String, Object> create() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.publishTimeout().toMillis()));
        KafkaProducer<String, Object> created = new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>());
        // Fences an earlier instance with the same id and aborts the transaction it left open.
        created.initTransactions();
        return created;
    }

    private final class TransactionalSink implements RecordSink {

        private final KafkaProducer<String, Object> producer;
        private final int perTransaction;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private boolean open;
        private int sinceCommit;
        private RawRecord last;

        TransactionalSink(KafkaProducer<String, Object> producer, int perTransaction) {
            this.producer = producer;
            this.perTransaction = perTransaction;
        }

        @Override
        public void publish(DatasetSpec dataset, RawRecord record) {
            try {
                throwIfFailed();
                if (!open) {
                    producer.beginTransaction();
                    open = true;
                }
                producer.send(new ProducerRecord<>(dataset.topic(), record.key(), record), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                last = record;
                if (++sinceCommit >= perTransaction) {
                    commit();
                }
            } catch (PublishFailed | KafkaException e) {
                throw abortAndReset(e, "Kafka refused a record: ");
            }
        }

        @Override
        public void flush() {
            try {
                if (open) {
                    commit();
                }
                throwIfFailed();
            } catch (PublishFailed | KafkaException e) {
                throw abortAndReset(e, "Kafka did not commit the records: ");
            }
        }

        /** Policy PRODUCER_RESET: the open transaction is aborted and the producer replaced; the file fails. */
        private PublishFailed abortAndReset(RuntimeException e, String what) {
            abort();
            reset(producer);
            return e instanceof PublishFailed failed ? failed : new PublishFailed(what + e.getMessage(), e);
        }

        private void commit() {
            String fileId = RecordIds.ofFile(last.lineage().sourceUrl(), last.lineage().eTag());
            FileProgress progress = new FileProgress(FileProgress.SCHEMA_VERSION, fileId, Instant.now(),
                    last.lineage().sourceUrl(), last.lineage().eTag(), last.lineage().recordNumber(),
                    last.lineage().lineNumber());
            producer.send(new ProducerRecord<>(Topics.INGEST_PROGRESS, fileId, progress));
            producer.commitTransaction();
            open = false;
            sinceCommit = 0;
            throwIfFailed();
            ledger.progress(progress);
        }

        private void abort() {
            if (open) {
                open = false;
                try {
                    producer.abortTransaction();
                } catch (KafkaException e) {
                    failure.compareAndSet(null, e);
                }
            }
        }

        private void throwIfFailed() {
            Exception error = failure.get();
            if (error != null) {
                throw new PublishFailed("Kafka refused a record: " + error.getMessage(), error);
            }
        }
    }
}
