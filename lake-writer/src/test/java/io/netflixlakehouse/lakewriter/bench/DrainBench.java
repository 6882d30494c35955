package io.netflixlakehouse.lakewriter.bench;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.job.MicroBatchWriter;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;

/**
 * Drain measurement of the production micro-batch writer, without a broker: N records per table (bronze, silver,
 * quarantine, and gold as changes to a few hundred groups) as Kafka-shaped batches of B records through
 * {@link MicroBatchWriter}, timed per table (wall and process CPU, so that runs on a loaded machine compare), with
 * the JVM's JIT and GC time and the number of classes Spark compiled (generated code missing its cache).
 * Run: {@code java -cp <test classpath> io.netflixlakehouse.lakewriter.bench.DrainBench N B[,B...]}.
 */
public final class DrainBench {

    private static final int GOLD_GROUPS = 354;

    private DrainBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        List<Integer> batchSizes = java.util.Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList();
        SparkSession spark = SparkSessions.create("local[2]", "drain-bench");
        try {
            for (LakeTable table : List.of(LakeTable.BRONZE_TITLES, LakeTable.SILVER_TITLES,
                    LakeTable.QUARANTINE_TITLES, LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY)) {
                List<KafkaMessage> messages = messages(table, records);
                run(spark, table, messages.subList(0, Math.min(records, 2000)), batchSizes.get(0), false);
                for (int batchSize : batchSizes) {
                    run(spark, table, messages, batchSize, true);
                }
            }
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, LakeTable table, List<KafkaMessage> messages, int batchSize,
            boolean print) throws Exception {
        try (ScratchLake scratch = new ScratchLake("drain-bench")) {
            run(spark, table, messages, batchSize, print, scratch.root());
        }
    }

    private static void run(SparkSession spark, LakeTable table, List<KafkaMessage> messages, int batchSize,
            boolean print, Path lake) throws Exception {
        TablePipeline pipeline = TablePipeline.of(table);
        pipeline.sink().ensureTable(spark, lake);
        MicroBatchWriter writer = new MicroBatchWriter(pipeline, lake, MalformedRecordPolicy.FAIL, (batchId, ends) -> { });
        List<Dataset<Row>> batches = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += batchSize) {
            batches.add(Fixtures.kafkaScan(spark, messages.subList(from, Math.min(messages.size(), from + batchSize))));
        }
        long cpuStart = cpuNanos();
        long compilesStart = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
        long jitStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long gcStart = gcMillis();
        long start = System.nanoTime();
        for (int i = 0; i < batches.size(); i++) {
            writer.call(batches.get(i), (long) i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        if (print) {
            System.out.printf(Locale.ROOT,
                    "table=%s records=%d batch=%d seconds=%.1f records/s=%.0f cpuSeconds=%.1f "
                            + "records/cpu-s=%.0f codegenCompiles=%d jitSeconds=%.1f gcSeconds=%.1f load=%.1f%n",
                    table.viewName(), messages.size(), batchSize, seconds, messages.size() / seconds, cpu,
                    messages.size() / cpu, CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - compilesStart,
                    (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStart) / 1e3,
                    (gcMillis() - gcStart) / 1e3, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<KafkaMessage> messages(LakeTable table, int records) {
        List<KafkaMessage> messages = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            String show = "s" + i;
            long offset = i / 3;
            int partition = i % 3;
            messages.add(switch (table) {
                case BRONZE_TITLES -> Fixtures.rawMessage(
                        Fixtures.raw(show, "Title " + i, "e1", i, Fixtures.T1), partition, offset);
                case SILVER_TITLES -> Fixtures.curatedMessage(Fixtures.curated(show, "Title " + i,
                        List.of("India", "United States"), "e1", i, Fixtures.T1), partition, offset);
                case QUARANTINE_TITLES -> Fixtures.quarantineMessage(
                        Fixtures.quarantined(show, "e1", i, List.of("a")), partition, offset);
                // about as many changes as titles, to the few hundred groups of the Netflix catalogue
                case GOLD_TITLES_BY_TYPE_AGE_COUNTRY -> Fixtures.goldMessage(
                        Fixtures.gold("Movie", "Recent", "Country " + (i % GOLD_GROUPS), i), partition, offset);
                default -> throw new IllegalArgumentException(table.name());
            });
        }
        return messages;
    }
}
