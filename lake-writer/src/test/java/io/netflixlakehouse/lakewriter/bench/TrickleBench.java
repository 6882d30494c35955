package io.netflixlakehouse.lakewriter.bench;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.job.MicroBatchWriter;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Freshness cost of the silver table without a broker: fills silver_titles with N titles in bulk batches, then
 * times K small batches of S titles each through {@link MicroBatchWriter} (what a freshness file costs the
 * lake-writer once the table is large): new titles, or with {@code update} new versions of the first S titles.
 * Prints each batch's wall time and Spark jobs (wall ms / tasks), and their p50/max.
 * Run: {@code java -cp <test classpath> io.netflixlakehouse.lakewriter.bench.TrickleBench N K S [new|update]}.
 */
public final class TrickleBench {

    private static final int BULK_BATCH = 50_000;

    private TrickleBench() {
    }

    public static void main(String[] args) throws Exception {
        int filled = Integer.parseInt(args[0]);
        int trickles = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        // "new": each trickle brings new titles; "update": each brings new versions of the same first S titles
        boolean updates = args.length > 3 && args[3].equals("update");
        SparkSession spark = SparkSessions.create("local[2]", "trickle-bench");
        try (ScratchLake scratch = new ScratchLake("trickle-bench")) {
            Path lake = scratch.root();
            TablePipeline pipeline = TablePipeline.of(LakeTable.SILVER_TITLES);
            pipeline.sink().ensureTable(spark, lake);
            MicroBatchWriter writer =
                    new MicroBatchWriter(pipeline, lake, MalformedRecordPolicy.FAIL, (batchId, ends) -> { });
            long batchId = 0;
            long start = System.nanoTime();
            for (int from = 0; from < filled; from += BULK_BATCH) {
                writer.call(Fixtures.kafkaBatch(spark, messages(from, Math.min(filled, from + BULK_BATCH), "e1")),
                        batchId++);
            }
            System.out.printf(Locale.ROOT, "filled=%d seconds=%.1f%n", filled, (System.nanoTime() - start) / 1e9);
            JobTimes jobs = new JobTimes();
            spark.sparkContext().addSparkListener(jobs);
            double[] seconds = new double[trickles];
            for (int i = 0; i < trickles; i++) {
                int from = updates ? 0 : filled + i * size;
                var batch = Fixtures.kafkaBatch(spark, messages(from, from + size, "e" + (i + 2)));
                long t0 = System.nanoTime();
                writer.call(batch, batchId++);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "trickle=%d seconds=%.2f jobs=%s%n", i, seconds[i], jobs.drain());
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "filled=%d trickles=%d size=%d p50=%.2f max=%.2f%n", filled, trickles, size,
                    sorted[sorted.length / 2], sorted[sorted.length - 1]);
        } finally {
            spark.stop();
        }
    }

    /** Each finished job's wall time (ms) and its number of tasks, drained per trickle. */
    private static final class JobTimes extends SparkListener {
        private final Map<Integer, Long> started = new ConcurrentHashMap<>();
        private final Map<Integer, Integer> tasks = new ConcurrentHashMap<>();
        private final List<String> done = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            started.put(start.jobId(), start.time());
            tasks.put(start.jobId(), CollectionConverters.asJava(start.stageInfos()).stream()
                    .mapToInt(StageInfo::numTasks).sum());
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd end) {
            long millis = end.time() - started.getOrDefault(end.jobId(), end.time());
            done.add(millis + "ms/" + tasks.get(end.jobId()) + "t");
        }

        String drain() {
            synchronized (done) {
                String jobs = String.join(",", done);
                done.clear();
                return jobs;
            }
        }
    }

    private static List<KafkaMessage> messages(int from, int to, String eTag) {
        List<KafkaMessage> messages = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            messages.add(Fixtures.curatedMessage(Fixtures.curated("s" + i, "Title " + i,
                    List.of("India", "United States"), eTag, i, Fixtures.T1), i % 3, i / 3));
        }
        return messages;
    }
}
