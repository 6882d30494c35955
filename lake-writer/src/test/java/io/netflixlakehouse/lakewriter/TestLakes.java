package io.netflixlakehouse.lakewriter;

import static io.netflixlakehouse.lakewriter.Fixtures.T1;
import static io.netflixlakehouse.lakewriter.Fixtures.T2;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A small lake with known answers, written through the production sinks.
 *
 * <p>Bronze: s1..s5 from file e1, and s1 again from file e2 (6 records). Silver: s1 (e2), s2, s3.
 * Quarantine: s3 (rules a and b) and s4 (rule a). So: overlap 1 (s3), missing 2 (s1 of e1,
 * superseded; s5, dropped). Title x country pairs: s1 2 countries, s2 none (1), s3 France twice (1) = 4.
 * Gold: two groups of 3 and 1 (sum 4), plus one deleted group. Quality events: one batch of file e1, and a
 * re-drive that released s3 (so s3 is no longer quarantined: overlap 0).
 */
public final class TestLakes {

    private TestLakes() {
    }

    /** Writes the lake under {@code lake}, one batch per table; {@code reversed} writes the batches in the opposite order, with other offsets. */
    public static void write(SparkSession spark, Path lake, boolean reversed) {
        List<RawRecord> raws = List.of(
                Fixtures.raw("s1", "One", "e1", 1, T1), Fixtures.raw("s2", "Two", "e1", 2, T1),
                Fixtures.raw("s3", "Three", "e1", 3, T1), Fixtures.raw("s4", "Four", "e1", 4, T1),
                Fixtures.raw("s5", "Five", "e1", 5, T1), Fixtures.raw("s1", "One again", "e2", 1, T2));
        List<KafkaMessage> bronze = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            bronze.add(Fixtures.rawMessage(raws.get(i), i % 3, reversed ? 100 + i : i));
        }

        List<CuratedTitle> titles = List.of(
                Fixtures.curated("s1", "One", List.of("India"), "e1", 1, T1),
                Fixtures.curated("s1", "One again", List.of("India", "United States"), "e2", 1, T2),
                Fixtures.curated("s2", "Two", List.of(), "e1", 2, T1),
                Fixtures.curated("s3", "Three", List.of("France", "France"), "e1", 3, T1));
        List<KafkaMessage> silver = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            silver.add(Fixtures.curatedMessage(titles.get(i), 0, reversed ? 50 + i : i));
        }

        List<QuarantineRecord> held = List.of(
                Fixtures.quarantined("s3", "e1", 3, List.of("a", "b")), Fixtures.quarantined("s4", "e1", 4, List.of("a")));
        List<KafkaMessage> quarantine = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            quarantine.add(Fixtures.quarantineMessage(held.get(i), 1, i));
        }

        List<KafkaMessage> gold = List.of(
                Fixtures.goldMessage(Fixtures.gold("Movie", "Recent", "India", 3), 0, 0),
                Fixtures.goldMessage(Fixtures.gold("Movie", "Classic", "France", 2), 1, 0),
                Fixtures.goldMessage(Fixtures.gold("Movie", "Modern", "United States", 1), 2, 0),
                Fixtures.goldTombstone("Movie|Classic|France", 1, 1));

        write(spark, lake, LakeTable.BRONZE_TITLES, bronze, reversed);
        write(spark, lake, LakeTable.SILVER_TITLES, silver, reversed);
        write(spark, lake, LakeTable.QUARANTINE_TITLES, quarantine, reversed);
        write(spark, lake, LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, gold, false);

        String fileId = io.netflixlakehouse.contracts.RecordIds.ofFile(Fixtures.lineage("e1", 1, T1).sourceUrl(), "e1");
        List<KafkaMessage> events = List.of(
                new KafkaMessage(io.netflixlakehouse.contracts.Topics.QUALITY_EVENTS, 0, 0, fileId, Fixtures.json(
                        new QualityEvent(1, "ev-batch", T1, QualityEvent.Kind.BATCH, "titles", "titles-v1",
                                Fixtures.lineage("e1", 1, T1).sourceUrl(), "e1", fileId, "p0@0", 5, 3, 2, 0,
                                List.of(new QualityEvent.RuleCount("a", null, "quarantine", 3, 2)), null, List.of()))),
                new KafkaMessage(io.netflixlakehouse.contracts.Topics.QUALITY_EVENTS, 0, 1, fileId, Fixtures.json(
                        new QualityEvent(1, "ev-released", T2, QualityEvent.Kind.RELEASED, "titles", "titles-v2",
                                Fixtures.lineage("e1", 1, T1).sourceUrl(), "e1", fileId, "q1@0", 0, 1, -1, 0,
                                List.of(), null, List.of(Fixtures.recordId("e1", 3))))));
        write(spark, lake, LakeTable.QUALITY_EVENTS, events, reversed);
    }

    private static void write(SparkSession spark, Path lake, LakeTable table, List<KafkaMessage> messages,
            boolean reversed) {
        TablePipeline pipeline = TablePipeline.of(table);
        pipeline.sink().ensureTable(spark, lake);
        List<KafkaMessage> ordered = new ArrayList<>(messages);
        if (reversed) {
            Collections.reverse(ordered);
        }
        pipeline.sink().write(pipeline.transform().apply(Fixtures.kafkaBatch(spark, ordered)), lake);
    }
}
