package io.netflixlakehouse.lakewriter.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.offsets.BatchCommitListener;
import io.netflixlakehouse.lakewriter.offsets.BatchEnds;
import io.netflixlakehouse.lakewriter.offsets.BatchOffsets;
import io.netflixlakehouse.lakewriter.transform.KafkaColumns;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code foreachBatch} body of every query: the batch's end offsets, then parse, transform and MERGE into
 * Delta in one pass over the values, then tell the listener the end offsets. Works on any batch shaped like
 * Spark's Kafka source. Runs on the driver: Spark never serialises it.
 */
public final class MicroBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatchWriter.class);
    /** The prefix of the error that stops a batch with a malformed value under policy FAIL. */
    public static final String MALFORMED_FAIL = "reason=MALFORMED_VALUE policy=FAIL";

    private final TablePipeline pipeline;
    private final Path lakeRoot;
    private final MalformedRecordPolicy malformedPolicy;
    private final BatchCommitListener listener;
    private final BatchEnds ends;
    private final EagerFirst priority;

    /**
     * A writer of batches run outside a streaming query: their end offsets are aggregated from each batch, and no
     * batch waits for another.
     */
    public MicroBatchWriter(
            TablePipeline pipeline, Path lakeRoot, MalformedRecordPolicy malformedPolicy, BatchCommitListener listener) {
        this(pipeline, lakeRoot, malformedPolicy, listener, BatchEnds.aggregated(), EagerFirst.off());
    }

    public MicroBatchWriter(TablePipeline pipeline, Path lakeRoot, MalformedRecordPolicy malformedPolicy,
            BatchCommitListener listener, BatchEnds ends, EagerFirst priority) {
        this.pipeline = pipeline;
        this.lakeRoot = lakeRoot;
        this.malformedPolicy = malformedPolicy;
        this.listener = listener;
        this.ends = ends;
        this.priority = priority;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        long start = System.nanoTime();
        // the jobs of this thread (the query's) run in the table's scheduler pool (fairscheduler.xml)
        batch.sparkSession().sparkContext().setLocalProperty("spark.scheduler.pool",
                pipeline.table().eager() ? "eager" : "bulk");
        Optional<BatchOffsets> reached = ends.of(batch, batchId);
        if (reached.isEmpty()) {
            return;
        }
        long offsetsMillis = millis(start, System.nanoTime());
        if (!pipeline.table().eager()) {
            EagerFirst.Turn turn = priority.awaitTurn();
            write(batch, batchId, reached.get(), offsetsMillis, turn.waitedMillis());
            return;
        }
        priority.eagerStarted();
        try {
            write(batch, batchId, reached.get(), offsetsMillis, 0L);
        } finally {
            priority.eagerEnded();
        }
    }

    /** Parses, checks and writes one batch (its values are parsed once, inside the Delta write), then commits. */
    private void write(Dataset<Row> batch, long batchId, BatchOffsets offsets, long offsetsMillis,
            long yieldedMillis) {
        long start = System.nanoTime();
        Dataset<Row> parsed = pipeline.parse().apply(batch);
        Dataset<Row> checked = switch (malformedPolicy) {
            case FAIL -> parsed.filter(failOnMalformed());
            case SKIP -> {
                long skipped = pipeline.malformed(batch).count();
                if (skipped > 0) {
                    LOG.warn("reason=MALFORMED_VALUE policy=SKIP table={} batch={} skipped={}",
                            pipeline.table().viewName(), batchId, skipped);
                }
                yield parsed;
            }
        };
        long checkedAt = System.nanoTime();
        long checkMillis = offsetsMillis + millis(start, checkedAt);
        pipeline.sink().write(pipeline.rows().apply(checked), lakeRoot);
        long mergedAt = System.nanoTime();
        listener.batchCommitted(batchId, offsets.ends());
        // one line per micro-batch: where its time went (a bulk batch's wait for the eager ones, offsets [and the
        // SKIP count], the Delta write, the group commit)
        LOG.info("table={} batch={} yieldMs={} offsetsMs={} mergeMs={} commitMs={} endOffsets={}",
                pipeline.table().viewName(), batchId, yieldedMillis, checkMillis,
                millis(checkedAt, mergedAt), millis(mergedAt, System.nanoTime()), offsets.ends());
    }

    /**
     * True for a well-formed row; a malformed one raises the error that fails the MERGE's job, so the batch
     * stops before Delta commits anything and the error names the record. The same expression every batch, so
     * the generated code is reused.
     */
    private Column failOnMalformed() {
        Column message = concat(lit(MALFORMED_FAIL + ": the value at " + pipeline.table().topic() + " partition "),
                col(KafkaColumns.PARTITION).cast("string"), lit(" offset "), col(KafkaColumns.OFFSET).cast("string"),
                lit(" does not parse into the topic's record"));
        return when(pipeline.wellFormed().get(), lit(true)).otherwise(raise_error(message));
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000L;
    }
}
