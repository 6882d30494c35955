package io.netflixlakehouse.lakewriter.job;

import static io.netflixlakehouse.lakewriter.Fixtures.T1;
import static io.netflixlakehouse.lakewriter.Fixtures.T2;
import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.SparkTest;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.offsets.CheckpointGenerations;
import io.netflixlakehouse.lakewriter.report.Fingerprints;
import io.netflixlakehouse.lakewriter.sink.DeltaTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production foreachBatch code on a stream we control: JSON files shaped like Kafka records
 * (no broker in this JVM), stopped, restarted on its checkpoint, and re-read in a new generation.
 */
class StreamRestartTest extends SparkTest {

    private static final StructType FILE_SCHEMA = new StructType()
            .add("key", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("topic", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType);

    @TempDir
    Path work;

    private final List<SortedMap<Integer, Long>> committedEnds = new ArrayList<>();

    @Test
    void shouldNotDuplicateBronzeRowsAcrossARestartAndANewGeneration() throws Exception {
        Path input = Files.createDirectories(work.resolve("raw"));
        Path lake = work.resolve("lake");
        CheckpointGenerations generations = new CheckpointGenerations(work.resolve("_checkpoints/bronze_titles"));
        var r1 = Fixtures.raw("s1", "One", "e1", 1, T1);
        var r2 = Fixtures.raw("s2", "Two", "e1", 2, T1);
        var r3 = Fixtures.raw("s3", "Three", "e1", 3, T1);
        var r4 = Fixtures.raw("s4", "Four", "e1", 4, T1);
        Fixtures.writeJsonLines(input.resolve("a.json"), List.of(
                Fixtures.rawMessage(r1, 0, 0), Fixtures.rawMessage(r2, 1, 0), Fixtures.rawMessage(r1, 0, 1)));

        runToEnd(LakeTable.BRONZE_TITLES, input, lake, generations.dir(1), 1);
        assertThat(bronzeIds(lake)).containsExactlyInAnyOrder(r1.id(), r2.id());

        Fixtures.writeJsonLines(input.resolve("b.json"), List.of(
                Fixtures.rawMessage(r2, 1, 1), Fixtures.rawMessage(r3, 2, 0), Fixtures.rawMessage(r4, 0, 2)));
        runToEnd(LakeTable.BRONZE_TITLES, input, lake, generations.dir(1), 1);

        assertThat(bronzeIds(lake)).containsExactlyInAnyOrder(r1.id(), r2.id(), r3.id(), r4.id());
        assertThat(committedEnds).hasSize(2);
        assertThat(committedEnds.get(1)).containsEntry(0, 3L).containsEntry(1, 2L).containsEntry(2, 1L);
        String beforeReplay = Fingerprints.of(table(lake, LakeTable.BRONZE_TITLES));

        runToEnd(LakeTable.BRONZE_TITLES, input, lake, generations.dir(2), 10);

        assertThat(bronzeIds(lake)).hasSize(4).doesNotHaveDuplicates();
        assertThat(Fingerprints.of(table(lake, LakeTable.BRONZE_TITLES))).isEqualTo(beforeReplay);
        assertThat(generations.latest()).hasValue(2);
    }

    @Test
    void shouldRebuildIdenticalSilverContentInANewGeneration() throws Exception {
        Path input = Files.createDirectories(work.resolve("curated"));
        Path lake = work.resolve("lake");
        CheckpointGenerations generations = new CheckpointGenerations(work.resolve("_checkpoints/silver_titles"));
        Fixtures.writeJsonLines(input.resolve("a.json"), List.of(
                Fixtures.curatedMessage(Fixtures.curated("s1", "First", List.of("India"), "e1", 1, T1), 0, 0),
                Fixtures.curatedMessage(Fixtures.curated("s2", "Two", List.of(), "e1", 2, T1), 1, 0)));
        Fixtures.writeJsonLines(input.resolve("b.json"), List.of(
                Fixtures.curatedMessage(Fixtures.curated("s1", "Second", List.of("India"), "e2", 1, T2), 0, 1)));

        runToEnd(LakeTable.SILVER_TITLES, input, lake, generations.dir(1), 1);
        Dataset<Row> silver = table(lake, LakeTable.SILVER_TITLES);
        String first = Fingerprints.of(silver);
        assertThat(silver.count()).isEqualTo(2);
        assertThat(silver.filter("show_id = 's1'").first().<String>getAs("title")).isEqualTo("Second");

        runToEnd(LakeTable.SILVER_TITLES, input, lake, generations.dir(2), 10);

        assertThat(table(lake, LakeTable.SILVER_TITLES).count()).isEqualTo(2);
        assertThat(Fingerprints.of(table(lake, LakeTable.SILVER_TITLES))).isEqualTo(first);
    }

    /** Runs the table's production micro-batch writer over every file not yet in the checkpoint, then stops. */
    private void runToEnd(LakeTable table, Path input, Path lake, Path checkpoint, int filesPerBatch)
            throws Exception {
        TablePipeline pipeline = TablePipeline.of(table);
        pipeline.sink().ensureTable(spark, lake);
        MicroBatchWriter writer = new MicroBatchWriter(pipeline, lake, MalformedRecordPolicy.FAIL,
                (batchId, ends) -> committedEnds.add(ends));
        StreamingQuery query = spark.readStream()
                .schema(FILE_SCHEMA)
                .option("maxFilesPerTrigger", filesPerBatch)
                .json(input.toString())
                .writeStream()
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.AvailableNow())
                .foreachBatch(writer)
                .start();
        query.awaitTermination();
    }

    private static Dataset<Row> table(Path lake, LakeTable table) {
        return DeltaTables.read(spark, table.path(lake));
    }

    private static List<String> bronzeIds(Path lake) {
        return table(lake, LakeTable.BRONZE_TITLES).select("record_id").as(Encoders.STRING())
                .collectAsList();
    }
}
