package io.netflixlakehouse.lakewriter.sink;

import static io.netflixlakehouse.lakewriter.Fixtures.T1;
import static io.netflixlakehouse.lakewriter.Fixtures.T2;
import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.SparkTest;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import io.netflixlakehouse.lakewriter.report.Fingerprints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest extends SparkTest {

    @TempDir
    Path lake;

    @Test
    void shouldInsertEachRawRecordOnceWhenTheSameBatchIsWrittenTwice() {
        var one = Fixtures.raw("s1", "One", "e1", 1, T1);
        var two = Fixtures.raw("s2", "Two", "e1", 2, T1);
        List<KafkaMessage> batch = List.of(
                Fixtures.rawMessage(one, 0, 0), Fixtures.rawMessage(two, 1, 0), Fixtures.rawMessage(one, 0, 1));

        write(LakeTable.BRONZE_TITLES, batch);
        String afterOnce = Fingerprints.of(table(LakeTable.BRONZE_TITLES));
        write(LakeTable.BRONZE_TITLES, batch);

        Dataset<Row> bronze = table(LakeTable.BRONZE_TITLES);
        assertThat(bronze.count()).isEqualTo(2);
        assertThat(bronze.select("record_id").distinct().count()).isEqualTo(2);
        assertThat(Fingerprints.of(bronze)).isEqualTo(afterOnce);
    }

    @Test
    void shouldInsertEachQuarantinedRecordOnce() {
        List<KafkaMessage> batch = List.of(
                Fixtures.quarantineMessage(Fixtures.quarantined("s5", "e1", 5, List.of("a", "b")), 2, 0),
                Fixtures.quarantineMessage(Fixtures.quarantined("s6", "e1", 6, List.of("a")), 2, 1));

        write(LakeTable.QUARANTINE_TITLES, batch);
        write(LakeTable.QUARANTINE_TITLES, batch);
        write(LakeTable.QUARANTINE_TITLES, batch.subList(1, 2));

        assertThat(table(LakeTable.QUARANTINE_TITLES).count()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheLatestVersionOfATitleEvenWhenAnOlderOneArrivesLater() {
        KafkaMessage newer = Fixtures.curatedMessage(Fixtures.curated("s1", "Newer", List.of(), "e2", 1, T2), 0, 5);
        KafkaMessage older = Fixtures.curatedMessage(Fixtures.curated("s1", "Older", List.of(), "e1", 1, T1), 0, 9);
        KafkaMessage other = Fixtures.curatedMessage(Fixtures.curated("s2", "Other", List.of(), "e1", 2, T1), 1, 0);

        write(LakeTable.SILVER_TITLES, List.of(newer, other));
        write(LakeTable.SILVER_TITLES, List.of(older));
        String afterOlder = Fingerprints.of(table(LakeTable.SILVER_TITLES));
        write(LakeTable.SILVER_TITLES, List.of(older, newer, other));

        assertThat(titlesByShow()).isEqualTo(Map.of("s1", "Newer", "s2", "Other"));
        assertThat(Fingerprints.of(table(LakeTable.SILVER_TITLES))).isEqualTo(afterOlder);
    }

    @Test
    void shouldReplaceATitleByANewerVersion() {
        write(LakeTable.SILVER_TITLES,
                List.of(Fixtures.curatedMessage(Fixtures.curated("s1", "First", List.of(), "e1", 1, T1), 0, 0)));
        write(LakeTable.SILVER_TITLES,
                List.of(Fixtures.curatedMessage(Fixtures.curated("s1", "Second", List.of(), "e2", 1, T2), 0, 1)));

        assertThat(titlesByShow()).isEqualTo(Map.of("s1", "Second"));
        assertThat(table(LakeTable.SILVER_TITLES).first().<String>getAs("etag")).isEqualTo("e2");
    }

    @Test
    void shouldAppendABatchOfNewTitlesAndMergeOneThatTouchesAnExistingTitle() {
        KafkaMessage one = Fixtures.curatedMessage(Fixtures.curated("s1", "One", List.of(), "e1", 1, T1), 0, 0);
        KafkaMessage two = Fixtures.curatedMessage(Fixtures.curated("s2", "Two", List.of(), "e1", 2, T1), 1, 0);
        KafkaMessage oneAgain = Fixtures.curatedMessage(Fixtures.curated("s1", "One v2", List.of(), "e2", 1, T2), 0, 1);
        KafkaMessage three = Fixtures.curatedMessage(Fixtures.curated("s3", "Three", List.of(), "e2", 3, T2), 2, 0);

        write(LakeTable.SILVER_TITLES, List.of(one, two));
        // a re-delivered batch of the same titles must not append them twice
        write(LakeTable.SILVER_TITLES, List.of(one, two));
        write(LakeTable.SILVER_TITLES, List.of(oneAgain, three));

        assertThat(titlesByShow()).isEqualTo(Map.of("s1", "One v2", "s2", "Two", "s3", "Three"));
        assertThat(table(LakeTable.SILVER_TITLES).count()).isEqualTo(3);
        assertThat(operations(LakeTable.SILVER_TITLES)).containsExactly("CREATE TABLE", "WRITE", "MERGE", "MERGE");
    }

    @Test
    void shouldKeepOnlyTheLatestOfTwoVersionsOfANewTitleInOneBatch() {
        KafkaMessage newer = Fixtures.curatedMessage(Fixtures.curated("s1", "Newer", List.of(), "e2", 1, T2), 0, 0);
        KafkaMessage older = Fixtures.curatedMessage(Fixtures.curated("s1", "Older", List.of(), "e1", 1, T1), 0, 1);
        KafkaMessage other = Fixtures.curatedMessage(Fixtures.curated("s2", "Other", List.of(), "e1", 2, T1), 1, 0);

        write(LakeTable.SILVER_TITLES, List.of(newer, older, other));

        assertThat(titlesByShow()).isEqualTo(Map.of("s1", "Newer", "s2", "Other"));
        assertThat(table(LakeTable.SILVER_TITLES).count()).isEqualTo(2);
        // a batch that repeats a show_id is reduced and MERGEd, never appended as it is
        assertThat(operations(LakeTable.SILVER_TITLES)).containsExactly("CREATE TABLE", "MERGE");
    }

    @Test
    void shouldAppendNewRecordsAndMergeARedeliveryWithOneLongLivedWriter() {
        TablePipeline bronze = TablePipeline.of(LakeTable.BRONZE_TITLES);
        bronze.sink().ensureTable(spark, lake);
        KafkaMessage one = Fixtures.rawMessage(Fixtures.raw("s1", "One", "e1", 1, T1), 0, 0);
        KafkaMessage two = Fixtures.rawMessage(Fixtures.raw("s2", "Two", "e1", 2, T1), 1, 0);
        KafkaMessage three = Fixtures.rawMessage(Fixtures.raw("s3", "Three", "e1", 3, T1), 2, 0);

        write(bronze, List.of(one, two));
        write(bronze, List.of(three));
        // the same writer, its index up to date: a re-delivered record must not be appended again
        write(bronze, List.of(two, three));

        assertThat(table(LakeTable.BRONZE_TITLES).count()).isEqualTo(3);
        // the insert-only MERGE of a batch with nothing new commits nothing
        assertThat(operations(LakeTable.BRONZE_TITLES)).containsExactly("CREATE TABLE", "WRITE", "WRITE");
    }

    @Test
    void shouldMergeATitleAnotherWriterInsertedSinceTheIndexWasBuilt() {
        TablePipeline silver = TablePipeline.of(LakeTable.SILVER_TITLES);
        silver.sink().ensureTable(spark, lake);
        KafkaMessage one = Fixtures.curatedMessage(Fixtures.curated("s1", "One", List.of(), "e1", 1, T1), 0, 0);
        KafkaMessage two = Fixtures.curatedMessage(Fixtures.curated("s2", "Two", List.of(), "e1", 2, T1), 1, 0);
        KafkaMessage twoAgain = Fixtures.curatedMessage(Fixtures.curated("s2", "Two v2", List.of(), "e2", 2, T2), 1, 1);

        write(silver, List.of(one));
        // another writer (its own index) adds s2: the first writer's index no longer stands for the table
        write(LakeTable.SILVER_TITLES, List.of(two));
        write(silver, List.of(twoAgain));

        assertThat(titlesByShow()).isEqualTo(Map.of("s1", "One", "s2", "Two v2"));
        assertThat(operations(LakeTable.SILVER_TITLES)).containsExactly("CREATE TABLE", "WRITE", "WRITE", "MERGE");
    }

    @Test
    void shouldWriteNothingForAnEmptyBatch() {
        write(LakeTable.QUARANTINE_TITLES, List.of());

        assertThat(operations(LakeTable.QUARANTINE_TITLES)).containsExactly("CREATE TABLE");
    }

    @Test
    void shouldApplyTheGoldChangelogWithDeletesAndNoRegressionOnOlderOffsets() {
        String us = "Movie|Recent|United States";
        String india = "Movie|Classic|India";
        KafkaMessage us1 = Fixtures.goldMessage(Fixtures.gold("Movie", "Recent", "United States", 1), 0, 0);
        KafkaMessage india1 = Fixtures.goldMessage(Fixtures.gold("Movie", "Classic", "India", 4), 1, 0);
        KafkaMessage us3 = Fixtures.goldMessage(Fixtures.gold("Movie", "Recent", "United States", 3), 0, 1);
        KafkaMessage indiaGone = Fixtures.goldTombstone(india, 1, 1);

        write(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, List.of(us1, india1));
        write(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, List.of(us3, indiaGone));
        assertThat(goldCounts()).isEqualTo(Map.of(us, 3L));

        // a replay of older changes neither regresses the count nor resurrects the deleted group
        write(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, List.of(us1));
        write(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, List.of(us1, india1, us3, indiaGone));
        write(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, List.of(us3, indiaGone));

        assertThat(goldCounts()).isEqualTo(Map.of(us, 3L));
        assertThat(table(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY).first().<Long>getAs("kafka_offset")).isEqualTo(1L);
    }

    @Test
    void shouldIgnoreATombstoneOfAGroupNotInTheTable() {
        write(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, List.of(Fixtures.goldTombstone("TV Show|Modern|France", 2, 0)));

        assertThat(table(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY).count()).isZero();
        assertThat(table(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY).columns()).doesNotContain("deleted");
    }

    @Test
    void shouldWriteTheOneValuePerRecordColumnsWithoutADictionaryAndTheOthersWithOne() throws Exception {
        // enough records of one file for a dictionary to pay off where values repeat: five titles (key and fields
        // repeat, so only the setting keeps them plain), one file and partition
        List<KafkaMessage> batch = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> Fixtures.rawMessage(Fixtures.raw("s" + i % 5, "Title " + i % 5, "e1", i, T1), 0, i))
                .toList();
        write(LakeTable.BRONZE_TITLES, batch);

        Map<String, Boolean> dictionaryByColumn = new java.util.HashMap<>();
        try (var files = java.nio.file.Files.list(LakeTable.BRONZE_TITLES.path(lake))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                        org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                                new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.conf.Configuration()))) {
                    reader.getFooter().getBlocks().forEach(block -> block.getColumns().forEach(column ->
                            dictionaryByColumn.merge(column.getPath().toDotString(),
                                    column.getEncodings().stream().anyMatch(e -> e.usesDictionary()), Boolean::logicalOr)));
                }
            }
        }

        assertThat(dictionaryByColumn).containsKeys("record_id", "key", "fields.key_value.value", "record_number");
        SparkSessions.PLAIN_ENCODED_COLUMNS.stream().filter(dictionaryByColumn::containsKey)
                .forEach(column -> assertThat(dictionaryByColumn.get(column)).as(column).isFalse());
        assertThat(dictionaryByColumn).containsEntry("dataset", true).containsEntry("etag", true)
                .containsEntry("kafka_partition", true).containsEntry("fields.key_value.key", true);
    }

    /** A write by a writer of its own (a new sink: no index yet). */
    private void write(LakeTable table, List<KafkaMessage> messages) {
        TablePipeline pipeline = TablePipeline.of(table);
        pipeline.sink().ensureTable(spark, lake);
        write(pipeline, messages);
    }

    private void write(TablePipeline pipeline, List<KafkaMessage> messages) {
        pipeline.sink().write(pipeline.transform().apply(Fixtures.kafkaBatch(spark, messages)), lake);
    }

    private List<String> operations(LakeTable table) {
        return DeltaTables.forPath(spark, table.path(lake)).history()
                .orderBy("version").select("operation").as(Encoders.STRING()).collectAsList();
    }

    private Dataset<Row> table(LakeTable table) {
        return DeltaTables.read(spark, table.path(lake));
    }

    private Map<String, String> titlesByShow() {
        return table(LakeTable.SILVER_TITLES).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("show_id"), r -> r.<String>getAs("title")));
    }

    private Map<String, Long> goldCounts() {
        return table(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("group_key"), r -> r.<Long>getAs("content_count")));
    }
}
