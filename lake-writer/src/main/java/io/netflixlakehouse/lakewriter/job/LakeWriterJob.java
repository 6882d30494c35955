package io.netflixlakehouse.lakewriter.job;

import io.netflixlakehouse.lakewriter.config.Durations;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.StreamSettings;
import io.netflixlakehouse.lakewriter.offsets.BatchEnds;
import io.netflixlakehouse.lakewriter.offsets.CheckpointGenerations;
import io.netflixlakehouse.lakewriter.offsets.ConsumerGroupOffsets;
import io.netflixlakehouse.lakewriter.offsets.GroupOffsetSync;
import io.netflixlakehouse.lakewriter.offsets.OffsetLedger;
import io.netflixlakehouse.lakewriter.offsets.RecordedOffsets;
import io.netflixlakehouse.lakewriter.offsets.ReplayPlan;
import io.netflixlakehouse.lakewriter.offsets.ReplayPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the four streaming queries (one per table) and stops them gracefully. */
public final class LakeWriterJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LakeWriterJob.class);
    private static final Duration GRACE = Duration.ofSeconds(60);
    /**
     * How long the broker holds a fetch of the executors' consumers that finds no record. They read known offset
     * ranges, so such a fetch only happens at a range's end (past a transaction marker, or the fetch the consumer
     * sends ahead once a poll returns), and it costs that whole wait. With Kafka's default of 500 ms, reading a
     * 100-record batch of a 3-partition topic took 1.06 s on 2 cores; with 20 ms, 0.1 s.
     */
    static final long EXECUTOR_FETCH_MAX_WAIT_MS = 20;

    private final SparkSession spark;
    private final ConsumerGroupOffsets group;
    private final List<StreamingQuery> queries = new ArrayList<>();
    private final EagerFirst priority;

    private LakeWriterJob(SparkSession spark, ConsumerGroupOffsets group, EagerFirst priority) {
        this.spark = spark;
        this.group = group;
        this.priority = priority;
    }

    /** Creates the tables that do not exist, plans each query's offsets and starts the queries. */
    public static LakeWriterJob start(SparkSession spark, ConsumerGroupOffsets group, StreamSettings settings) {
        LakeWriterJob job = new LakeWriterJob(spark, group,
                new EagerFirst(settings.bulkGrace(), settings.bulkMaxYield()));
        try {
            for (TablePipeline pipeline : TablePipeline.all()) {
                job.queries.add(job.startQuery(pipeline, settings));
            }
        } catch (RuntimeException | TimeoutException e) {
            job.stop();
            throw new IllegalStateException("Cannot start the lake-writer: " + e.getMessage(), e);
        }
        return job;
    }

    private StreamingQuery startQuery(TablePipeline pipeline, StreamSettings settings) throws TimeoutException {
        LakeTable table = pipeline.table();
        pipeline.sink().ensureTable(spark, settings.lakeRoot());

        Path tableCheckpoints = table.checkpointDir(settings.checkpointRoot());
        CheckpointGenerations generations = new CheckpointGenerations(tableCheckpoints);
        OffsetLedger ledger = new OffsetLedger(tableCheckpoints);
        ReplayPlan plan = ReplayPlanner.plan(
                group.partitions(table.topic()),
                group.committed(settings.groupId(), table.topic()),
                ledger.read(),
                generations.latest());
        LOG.info("table={} topic={} decision={} gen={}: {}",
                table.viewName(), table.topic(), plan.decision(), plan.generation(), plan.reason());

        RecordedOffsets recorded;
        if (plan.newGeneration()) {
            // the plan accounts for the group as it is now: a restart before the first batch resumes this generation
            recorded = new RecordedOffsets(
                    table.topic(), settings.groupId(), plan.generation(), -1, plan.expectedGroupOffsets());
            ledger.write(recorded);
        } else {
            recorded = ledger.read().orElseGet(() -> new RecordedOffsets(
                    table.topic(), settings.groupId(), plan.generation(), -1, plan.expectedGroupOffsets()));
        }
        Path checkpoint = generations.dir(plan.generation()).toAbsolutePath();
        MicroBatchWriter writer = new MicroBatchWriter(pipeline, settings.lakeRoot(), settings.malformedPolicy(),
                new GroupOffsetSync(group, ledger, recorded), BatchEnds.offsetLog(checkpoint, table.topic()), priority);

        DataStreamReader source = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", table.topic())
                .option("startingOffsets", plan.startingOffsetsJson(table.topic()))
                .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
                .option("failOnDataLoss", settings.failOnDataLoss())
                // Kafka Streams writes the silver and gold topics transactionally: never read aborted records
                .option("kafka.isolation.level", "read_committed")
                .option("kafka.fetch.max.wait.ms", EXECUTOR_FETCH_MAX_WAIT_MS)
                .option("groupIdPrefix", settings.groupId() + "-spark");
        if (!table.eager()) {
            source = source.option("minOffsetsPerTrigger", settings.minOffsetsPerTrigger())
                    .option("maxTriggerDelay",
                            Durations.parse(settings.maxTriggerDelay(), "--max-trigger-delay").toMillis() + "ms");
        }
        return source.load()
                .writeStream()
                .queryName(table.viewName())
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(
                        Durations.parse(settings.triggerInterval(), "--trigger-interval").toMillis()))
                .foreachBatch(writer)
                .start();
    }

    /**
     * Blocks until {@code stopRequested} returns true (checked every second) or a query fails.
     *
     * @throws StreamingQueryException when a query fails
     */
    public void awaitUntil(java.util.function.BooleanSupplier stopRequested) throws StreamingQueryException {
        while (!stopRequested.getAsBoolean()) {
            if (spark.streams().awaitAnyTermination(1000)) {
                for (StreamingQuery query : queries) {
                    if (query.exception().isDefined()) {
                        throw query.exception().get();
                    }
                }
                if (queries.stream().noneMatch(StreamingQuery::isActive)) {
                    return;
                }
                spark.streams().resetTerminated();
            }
        }
    }

    /** Lets each query finish its running micro-batch, then stops it. Idempotent. */
    public synchronized void stop() {
        for (StreamingQuery query : queries) {
            long deadline = System.nanoTime() + GRACE.toNanos();
            while (query.isActive() && query.status().isTriggerActive() && System.nanoTime() < deadline) {
                sleep(200);
            }
            try {
                query.stop();
            } catch (TimeoutException e) {
                LOG.warn("reason=STOP_TIMEOUT query={} did not stop in time: {}", query.name(), e.getMessage());
            }
        }
        queries.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
