package io.netflixlakehouse.lakewriter.job;

import static io.netflixlakehouse.lakewriter.Fixtures.T1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.SparkTest;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.offsets.BatchEnds;
import io.netflixlakehouse.lakewriter.sink.DeltaTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The micro-batch writer's failure policies and what it tells the group-offset listener. */
class MicroBatchWriterTest extends SparkTest {

    @TempDir
    Path lake;

    private final List<SortedMap<Integer, Long>> committed = new ArrayList<>();

    private static List<KafkaMessage> batchWithANonRecordValue() {
        return List.of(
                Fixtures.rawMessage(Fixtures.raw("s1", "One", "e1", 1, T1), 0, 0),
                new KafkaMessage(Topics.TITLES_RAW, 1, 7, "s2", "not json"),
                Fixtures.rawMessage(Fixtures.raw("s3", "Three", "e1", 3, T1), 1, 8));
    }

    @Test
    void shouldStopTheBatchOnAMalformedValueBeforeAnythingIsWrittenOrCommitted() throws Exception {
        MicroBatchWriter writer = writer(LakeTable.SILVER_TITLES, MalformedRecordPolicy.FAIL);
        List<KafkaMessage> batch = List.of(
                Fixtures.curatedMessage(Fixtures.curated("s1", "One", List.of("India"), "e1", 1, T1), 0, 0),
                new KafkaMessage(Topics.TITLES_CURATED, 2, 5, "s9", "{\"title\":\"no id\"}"));

        assertThatThrownBy(() -> writer.call(Fixtures.kafkaBatch(spark, batch), 4L))
                .hasStackTraceContaining(MicroBatchWriter.MALFORMED_FAIL)
                .hasStackTraceContaining("the value at " + Topics.TITLES_CURATED + " partition 2 offset 5 does not parse");

        assertThat(DeltaTables.read(spark, LakeTable.SILVER_TITLES.path(lake)).count()).isZero();
        assertThat(committed).isEmpty();
    }

    @Test
    void shouldStopABronzeBatchOnAValueThatIsNotJson() {
        MicroBatchWriter writer = writer(LakeTable.BRONZE_TITLES, MalformedRecordPolicy.FAIL);

        assertThatThrownBy(() -> writer.call(Fixtures.kafkaBatch(spark, batchWithANonRecordValue()), 0L))
                .hasStackTraceContaining("the value at " + Topics.TITLES_RAW + " partition 1 offset 7");

        assertThat(DeltaTables.read(spark, LakeTable.BRONZE_TITLES.path(lake)).count()).isZero();
        assertThat(committed).isEmpty();
    }

    @Test
    void shouldLeaveMalformedValuesOutUnderSkipAndCommitPastThem() throws Exception {
        MicroBatchWriter writer = writer(LakeTable.BRONZE_TITLES, MalformedRecordPolicy.SKIP);

        writer.call(Fixtures.kafkaBatch(spark, batchWithANonRecordValue()), 0L);

        assertThat(DeltaTables.read(spark, LakeTable.BRONZE_TITLES.path(lake)).select("key").as(Encoders.STRING())
                .collectAsList()).containsExactlyInAnyOrder("s1", "s3");
        assertThat(committed).hasSize(1);
        assertThat(committed.get(0)).containsEntry(0, 1L).containsEntry(1, 9L).hasSize(2);
    }

    @Test
    void shouldCommitTheEndOffsetsOfEveryPartitionInTheBatch() throws Exception {
        MicroBatchWriter writer = writer(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, MalformedRecordPolicy.FAIL);
        String us = "Movie|Recent|United States";

        writer.call(Fixtures.kafkaBatch(spark, List.of(
                Fixtures.goldMessage(Fixtures.gold("Movie", "Recent", "United States", 1), 0, 10),
                Fixtures.goldMessage(Fixtures.gold("Movie", "Recent", "United States", 2), 0, 11),
                Fixtures.goldTombstone("Movie|Classic|India", 2, 3))), 0L);
        writer.call(Fixtures.kafkaBatch(spark, List.of()), 1L);

        assertThat(committed).hasSize(1);
        assertThat(committed.get(0)).containsEntry(0, 12L).containsEntry(2, 4L).hasSize(2);
        assertThat(DeltaTables.read(spark, LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY.path(lake))
                .select("group_key").as(Encoders.STRING()).collectAsList()).containsExactly(us);
    }

    @Test
    void shouldTakeTheEndOffsetsFromTheOffsetLogAndSkipBatchesThatReadNothingNew() throws Exception {
        Path checkpoint = lake.resolve("_checkpoints/bronze_titles/gen-1");
        TablePipeline pipeline = TablePipeline.of(LakeTable.BRONZE_TITLES);
        pipeline.sink().ensureTable(spark, lake);
        MicroBatchWriter writer = new MicroBatchWriter(pipeline, lake, MalformedRecordPolicy.FAIL,
                (batchId, ends) -> committed.add(ends), BatchEnds.offsetLog(checkpoint, Topics.TITLES_RAW),
                EagerFirst.off());
        offsetLog(checkpoint, 0, "{\"0\":0,\"1\":0}");
        offsetLog(checkpoint, 1, "{\"0\":0,\"1\":0}");
        offsetLog(checkpoint, 2, "{\"0\":2,\"1\":1}");

        // the query's first batch on an empty topic, then a batch ending where it ended: nothing is written
        writer.call(Fixtures.kafkaBatch(spark, List.of()), 0L);
        writer.call(Fixtures.kafkaBatch(spark, List.of()), 1L);
        assertThat(committed).isEmpty();

        // the log's ends are committed: every partition, past partition 0's transaction marker at offset 1
        writer.call(Fixtures.kafkaBatch(spark, List.of(
                Fixtures.rawMessage(Fixtures.raw("s1", "One", "e1", 1, T1), 0, 0),
                Fixtures.rawMessage(Fixtures.raw("s2", "Two", "e1", 2, T1), 1, 0))), 2L);
        assertThat(committed).hasSize(1);
        assertThat(committed.get(0)).containsEntry(0, 2L).containsEntry(1, 1L).hasSize(2);
        assertThat(DeltaTables.read(spark, LakeTable.BRONZE_TITLES.path(lake)).count()).isEqualTo(2);
    }

    private static void offsetLog(Path checkpoint, long batchId, String partitions) throws Exception {
        Files.createDirectories(checkpoint.resolve("offsets"));
        Files.writeString(checkpoint.resolve("offsets/" + batchId),
                "v1\n{\"batchWatermarkMs\":0}\n{\"" + Topics.TITLES_RAW + "\":" + partitions + "}");
    }

    private MicroBatchWriter writer(LakeTable table, MalformedRecordPolicy policy) {
        TablePipeline pipeline = TablePipeline.of(table);
        pipeline.sink().ensureTable(spark, lake);
        return new MicroBatchWriter(pipeline, lake, policy, (batchId, ends) -> committed.add(ends));
    }
}
