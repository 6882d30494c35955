package io.netflixlakehouse.lakewriter.job;

import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.offsets.BatchCommitListener;
import io.netflixlakehouse.lakewriter.offsets.BatchOffsets;
import io.netflixlakehouse.lakewriter.transform.KafkaColumns;
import java.nio.file.Path;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code foreachBatch} body of every query: transform, MERGE into Delta, then tell the
 * listener the batch's end offsets. Works on any batch shaped like Spark's Kafka source. Runs on
 * the driver: Spark never serialises it.
 */
public final class MicroBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatchWriter.class);

    private final TablePipeline pipeline;
    private final Path lakeRoot;
    private final MalformedRecordPolicy malformedPolicy;
    private final BatchCommitListener listener;

    public MicroBatchWriter(
            TablePipeline pipeline, Path lakeRoot, MalformedRecordPolicy malformedPolicy, BatchCommitListener listener) {
        this.pipeline = pipeline;
        this.lakeRoot = lakeRoot;
        this.malformedPolicy = malformedPolicy;
        this.listener = listener;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
        long start = System.nanoTime();
        // parsed once: the offsets, the malformed count and the MERGE (whose passes re-read it) share this copy
        Dataset<Row> parsed = pipeline.parse(batch).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            BatchOffsets offsets = BatchOffsets.of(parsed, KafkaColumns.PARTITION, KafkaColumns.OFFSET,
                    pipeline.wellFormed().get().unary_$bang());
            if (offsets.ends().isEmpty()) {
                return;
            }
            if (offsets.malformed() > 0) {
                if (malformedPolicy == MalformedRecordPolicy.FAIL) {
                    throw new MalformedRecordsException(pipeline.table().topic(), batchId, offsets.malformed());
                }
                LOG.warn("reason=MALFORMED_VALUE policy=SKIP table={} batch={} skipped={}",
                        pipeline.table().viewName(), batchId, offsets.malformed());
            }
            long parsedAt = System.nanoTime();
            pipeline.sink().write(pipeline.rows().apply(parsed), lakeRoot);
            long mergedAt = System.nanoTime();
            listener.batchCommitted(batchId, offsets.ends());
            // one line per micro-batch: where its time went (parse and offsets, the Delta MERGE, the group commit)
            LOG.info("table={} batch={} parseMs={} mergeMs={} commitMs={} endOffsets={}", pipeline.table().viewName(),
                    batchId, millis(start, parsedAt), millis(parsedAt, mergedAt), millis(mergedAt, System.nanoTime()),
                    offsets.ends());
        } finally {
            parsed.unpersist();
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000L;
    }

    /** Policy FAIL met a value that does not parse (reason MALFORMED_VALUE). */
    public static final class MalformedRecordsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedRecordsException(String topic, long batchId, long count) {
            super("reason=MALFORMED_VALUE policy=FAIL: " + count + " record(s) of " + topic + " in batch " + batchId
                    + " do not parse into the topic's record");
        }
    }
}
