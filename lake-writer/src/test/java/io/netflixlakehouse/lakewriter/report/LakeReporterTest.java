package io.netflixlakehouse.lakewriter.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.TestLakes;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import io.netflixlakehouse.lakewriter.sink.DeltaTables;
import io.netflixlakehouse.lakewriter.report.LakeReport.Reconciliation;
import io.netflixlakehouse.lakewriter.report.LakeReport.TableSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeReporterTest {

    private static SparkSession spark;
    private static LakeReport report;
    private static LakeReport sameContentOtherOrder;

    @BeforeAll
    static void writeTwoLakesWithTheSameContent(@TempDir Path dir) {
        spark = Fixtures.spark();
        TestLakes.write(spark, dir.resolve("a"), false);
        TestLakes.write(spark, dir.resolve("b"), true);
        LakeReporter reporter = new LakeReporter(spark);
        report = reporter.report(dir.resolve("a"));
        sameContentOtherOrder = reporter.report(dir.resolve("b"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void shouldCountTheRowsOfEveryTable() {
        assertThat(report.tables()).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().rows())
                .containsExactly("bronze_titles=6", "silver_titles=3", "quarantine_titles=2",
                        "gold_titles_by_type_age_country=2");
        assertThat(report.tables().values()).allMatch(TableSummary::exists);
    }

    @Test
    void shouldRenderAReadableTable() {
        assertThat(ReportRenderer.text(report))
                .contains("bronze_titles", "Reconciliation", "bronze in neither (missing)", "silver title x country pairs")
                .containsPattern("silver and quarantine \\(overlap\\) +0\\n");
    }

    @Test
    void shouldCountAStillQuarantinedRecordUnderEachRuleItFailed() {
        // s3 (rules a and b) was released by a re-drive: only s4 (rule a) is still quarantined.
        assertThat(report.quarantineReasons()).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void shouldReconcileBronzeSilverAndStillQuarantinedByRecordId() {
        // The released s3 no longer counts as quarantined, so it is not in both silver and quarantine.
        assertThat(report.reconciliation()).isEqualTo(new Reconciliation(6, 6, 3, 3, 1, 0, 2));
    }

    @Test
    void shouldCompareGoldCountsWithSilverTitleCountryPairs() {
        assertThat(report.goldContentCountSum()).isEqualTo(4);
        assertThat(report.silverTitleCountryPairs()).isEqualTo(4);
    }

    @Test
    void shouldGiveTheSameFingerprintsToTheSameContentWrittenInAnotherOrder() {
        assertThat(sameContentOtherOrder.tables()).isEqualTo(report.tables());
        assertThat(report.tables().values()).extracting(TableSummary::fingerprint).doesNotHaveDuplicates()
                .allMatch(f -> f.matches("[0-9a-f]{32}"));
    }

    @Test
    void shouldChangeTheFingerprintWhenOneValueChanges(@TempDir Path other) {
        var pipeline = TablePipeline.of(LakeTable.SILVER_TITLES);
        pipeline.sink().ensureTable(spark, other);
        pipeline.sink().write(pipeline.transform().apply(Fixtures.kafkaBatch(spark, List.of(
                Fixtures.curatedMessage(Fixtures.curated("s1", "One", List.of("India"), "e1", 1, Fixtures.T1), 0, 0)))),
                other);
        String before = Fingerprints.of(DeltaTables.read(spark, LakeTable.SILVER_TITLES.path(other)));
        pipeline.sink().write(pipeline.transform().apply(Fixtures.kafkaBatch(spark, List.of(
                Fixtures.curatedMessage(Fixtures.curated("s1", "One!", List.of("India"), "e1", 1, Fixtures.T1), 0, 1)))),
                other);

        String after = Fingerprints.of(DeltaTables.read(spark, LakeTable.SILVER_TITLES.path(other)));

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void shouldLeaveKafkaAndProcessingTimeColumnsOutOfTheFingerprint() {
        var schema = DeltaTables.read(spark,
                LakeTable.QUARANTINE_TITLES.path(Path.of(report.lakeRoot())))
                .schema();

        assertThat(Fingerprints.businessColumns(schema))
                .contains("record_id", "fields", "failures", "reasons", "blob_event_time")
                .doesNotContain("kafka_offset", "kafka_partition", "kafka_topic", "ingested_at", "quarantined_at");
    }
}
