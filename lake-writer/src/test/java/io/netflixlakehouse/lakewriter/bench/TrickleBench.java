package io.netflixlakehouse.lakewriter.bench;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.job.MicroBatchWriter;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Freshness cost of the silver table without a broker: fills silver_titles with N titles in bulk batches, then
 * times K small batches of S new titles each through {@link MicroBatchWriter} (what a freshness file costs the
 * lake-writer once the table is large), printing each batch's wall time and their p50/max.
 * Run: {@code java -cp <test classpath> io.netflixlakehouse.lakewriter.bench.TrickleBench N K S}.
 */
public final class TrickleBench {

    private static final int BULK_BATCH = 50_000;

    private TrickleBench() {
    }

    public static void main(String[] args) throws Exception {
        int filled = Integer.parseInt(args[0]);
        int trickles = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        SparkSession spark = SparkSessions.create("local[2]", "trickle-bench");
        try {
            Path lake = Files.createTempDirectory("trickle-bench");
            TablePipeline pipeline = TablePipeline.of(LakeTable.SILVER_TITLES);
            pipeline.sink().ensureTable(spark, lake);
            MicroBatchWriter writer =
                    new MicroBatchWriter(pipeline, lake, MalformedRecordPolicy.FAIL, (batchId, ends) -> { });
            long batchId = 0;
            long start = System.nanoTime();
            for (int from = 0; from < filled; from += BULK_BATCH) {
                writer.call(Fixtures.kafkaBatch(spark, messages(from, Math.min(filled, from + BULK_BATCH))), batchId++);
            }
            System.out.printf(Locale.ROOT, "filled=%d seconds=%.1f%n", filled, (System.nanoTime() - start) / 1e9);
            double[] seconds = new double[trickles];
            for (int i = 0; i < trickles; i++) {
                int from = filled + i * size;
                var batch = Fixtures.kafkaBatch(spark, messages(from, from + size));
                long t0 = System.nanoTime();
                writer.call(batch, batchId++);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "trickle=%d seconds=%.2f%n", i, seconds[i]);
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "filled=%d trickles=%d size=%d p50=%.2f max=%.2f%n", filled, trickles, size,
                    sorted[sorted.length / 2], sorted[sorted.length - 1]);
        } finally {
            spark.stop();
        }
    }

    private static List<KafkaMessage> messages(int from, int to) {
        List<KafkaMessage> messages = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            messages.add(Fixtures.curatedMessage(Fixtures.curated("s" + i, "Title " + i,
                    List.of("India", "United States"), "e1", i, Fixtures.T1), i % 3, i / 3));
        }
        return messages;
    }
}
