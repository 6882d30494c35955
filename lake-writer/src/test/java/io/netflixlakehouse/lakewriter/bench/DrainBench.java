package io.netflixlakehouse.lakewriter.bench;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.job.MicroBatchWriter;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Drain measurement of the production micro-batch writer, without a broker: N records per table (bronze, silver,
 * quarantine) as Kafka-shaped batches of B records through {@link MicroBatchWriter}, timed per table (wall and
 * process CPU, so that runs on a loaded machine compare). Mode {@code twopass} runs the former flow (the raw batch
 * persisted, parsed once to count malformed values and again to write) for comparison.
 * Run: {@code java -cp <test classpath> io.netflixlakehouse.lakewriter.bench.DrainBench N B[,B...] [writer|twopass]...}.
 */
public final class DrainBench {

    private DrainBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        List<Integer> batchSizes = java.util.Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList();
        List<String> modes = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("writer");
        SparkSession spark = SparkSessions.create("local[2]", "drain-bench");
        try {
            for (LakeTable table : List.of(LakeTable.BRONZE_TITLES, LakeTable.SILVER_TITLES,
                    LakeTable.QUARANTINE_TITLES)) {
                List<KafkaMessage> messages = messages(table, records);
                for (String mode : modes) {
                    run(spark, table, mode, messages.subList(0, Math.min(records, 2000)), batchSizes.get(0), false);
                }
                for (int batchSize : batchSizes) {
                    for (String mode : modes) {
                        run(spark, table, mode, messages, batchSize, true);
                    }
                }
            }
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, LakeTable table, String mode, List<KafkaMessage> messages,
            int batchSize, boolean print) throws Exception {
        Path lake = Files.createTempDirectory("drain-bench");
        TablePipeline pipeline = TablePipeline.of(table);
        pipeline.sink().ensureTable(spark, lake);
        VoidFunction2<Dataset<Row>, Long> writer = mode.equals("twopass")
                ? (batch, id) -> twoPass(pipeline, lake, batch)
                : new MicroBatchWriter(pipeline, lake, MalformedRecordPolicy.FAIL, (batchId, ends) -> { });
        List<Dataset<Row>> batches = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += batchSize) {
            batches.add(Fixtures.kafkaBatch(spark, messages.subList(from, Math.min(messages.size(), from + batchSize))));
        }
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < batches.size(); i++) {
            writer.call(batches.get(i), (long) i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        if (print) {
            System.out.printf(Locale.ROOT,
                    "mode=%s table=%s records=%d batch=%d seconds=%.1f records/s=%.0f cpuSeconds=%.1f "
                            + "records/cpu-s=%.0f load=%.1f%n",
                    mode, table.viewName(), messages.size(), batchSize, seconds, messages.size() / seconds, cpu,
                    messages.size() / cpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The former flow: raw batch persisted, one parse to count malformed values, another to write. */
    private static void twoPass(TablePipeline pipeline, Path lake, Dataset<Row> batch) {
        Dataset<Row> cached = batch.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            cached.groupBy("partition").max("offset").collectAsList();
            Dataset<Row> parsed = pipeline.parse(cached);
            long malformed = parsed.filter(pipeline.wellFormed().get().unary_$bang()).count();
            if (malformed > 0) {
                throw new IllegalStateException("malformed: " + malformed);
            }
            pipeline.sink().write(pipeline.transform().apply(cached), lake);
        } finally {
            cached.unpersist();
        }
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
                default -> throw new IllegalArgumentException(table.name());
            });
        }
        return messages;
    }
}
