package io.netflixlakehouse.lakewriter.transform;

import static io.netflixlakehouse.lakewriter.Fixtures.T1;
import static io.netflixlakehouse.lakewriter.Fixtures.T2;
import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.Fixtures.KafkaMessage;
import io.netflixlakehouse.lakewriter.SparkTest;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TransformsTest extends SparkTest {

    @Test
    void shouldFlattenARawRecordIntoABronzeRow() {
        Dataset<Row> kafka = Fixtures.kafkaBatch(spark, List.of(
                new KafkaMessage(Topics.TITLES_RAW, 2, 41, "s1", GoldenSamples.read(Topics.TITLES_RAW))));

        Row row = BronzeTitles.fromKafka(kafka).first();

        assertThat(row.<String>getAs("record_id")).isEqualTo("7a1d2c3b4e5f60718293a4b5c6d7e8f9");
        assertThat(row.<String>getAs("key")).isEqualTo("s1");
        assertThat(row.<String>getAs("dataset")).isEqualTo("titles");
        assertThat(row.getJavaMap(row.fieldIndex("fields"))).containsEntry("title", "Dick Johnson Is Dead")
                .containsEntry("cast", null).hasSize(12);
        assertThat(row.<Long>getAs("record_number")).isEqualTo(1L);
        assertThat(row.<Long>getAs("line_number")).isEqualTo(2L);
        assertThat(row.<String>getAs("etag")).isEqualTo("0x8DC5F1A2B3C4D5E");
        assertThat(row.<Timestamp>getAs("blob_event_time").toInstant()).isEqualTo(T1);
        assertThat(row.<String>getAs("kafka_topic")).isEqualTo(Topics.TITLES_RAW);
        assertThat(row.<Integer>getAs("kafka_partition")).isEqualTo(2);
        assertThat(row.<Long>getAs("kafka_offset")).isEqualTo(41L);
    }

    @Test
    void shouldParseEachValueOnceWhenTheWellFormedRowsAreKept() {
        Dataset<Row> kafka = Fixtures.kafkaScan(spark, List.of(
                Fixtures.rawMessage(Fixtures.raw("s1", "One", "e1", 1, T1), 0, 0)));

        for (TablePipeline pipeline : TablePipeline.all()) {
            Dataset<Row> rows = pipeline.transform().apply(kafka);
            String plan = rows.queryExecution().optimizedPlan().toString();

            assertThat(plan.split("from_json\\(", -1)).as(pipeline.table() + ":\n" + plan).hasSize(2);
        }
        assertThat(BronzeTitles.fromKafka(kafka).select("key").as(Encoders.STRING()).collectAsList())
                .containsExactly("s1");
    }

    @Test
    void shouldSetApartValuesThatAreNotRecords() {
        String good = Fixtures.json(Fixtures.raw("s1", "One", "e1", 1, T1));
        Dataset<Row> kafka = Fixtures.kafkaBatch(spark, List.of(
                new KafkaMessage(Topics.TITLES_RAW, 0, 0, "s1", good),
                new KafkaMessage(Topics.TITLES_RAW, 0, 1, "s2", "not json"),
                new KafkaMessage(Topics.TITLES_RAW, 0, 2, "s3", "{\"dataset\":\"titles\"}")));

        assertThat(BronzeTitles.fromKafka(kafka).count()).isEqualTo(1);
        assertThat(TablePipeline.of(LakeTable.BRONZE_TITLES).malformed(kafka).select("kafka_offset").as(Encoders.LONG())
                .collectAsList()).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void shouldListTheRuleNamesOfAQuarantinedRecordAsItsReasons() {
        Dataset<Row> kafka = Fixtures.kafkaBatch(spark, List.of(
                new KafkaMessage(Topics.TITLES_QUARANTINE, 1, 7, "s5542", GoldenSamples.read(Topics.TITLES_QUARANTINE)),
                Fixtures.quarantineMessage(Fixtures.quarantined("s7", "e1", 7, List.of("a_rule", "b_rule")), 1, 8)));

        List<Row> rows = QuarantineTitles.fromKafka(kafka).orderBy("kafka_offset").collectAsList();

        assertThat(rows.get(0).getList(rows.get(0).fieldIndex("reasons"))).containsExactly("rating_is_not_a_duration");
        assertThat(rows.get(0).<Timestamp>getAs("quarantined_at").toInstant())
                .isEqualTo(Instant.parse("2026-11-25T10:15:31.250Z"));
        assertThat(rows.get(0).<String>getAs("rule_set_version")).isEqualTo("titles-v1");
        Row failure = rows.get(0).<Row>getList(rows.get(0).fieldIndex("failures")).get(0);
        assertThat(failure.<String>getAs("expression")).isEqualTo("rating IS NULL OR rating NOT LIKE '% min'");
        assertThat(failure.getJavaMap(failure.fieldIndex("values"))).isEqualTo(Map.of("rating", "74 min"));
        assertThat(rows.get(1).getList(rows.get(1).fieldIndex("reasons"))).containsExactly("a_rule", "b_rule");
    }

    @Test
    void shouldFlattenAQualityEventWithItsRuleCounts() {
        Dataset<Row> kafka = Fixtures.kafkaBatch(spark, List.of(
                new KafkaMessage(Topics.QUALITY_EVENTS, 0, 3, "f1", GoldenSamples.read(Topics.QUALITY_EVENTS))));

        Row row = QualityEvents.fromKafka(kafka).first();

        assertThat(row.<String>getAs("kind")).isEqualTo("BATCH");
        assertThat(row.<String>getAs("rule_set_version")).isEqualTo("titles-v2");
        assertThat(row.<Long>getAs("received")).isEqualTo(500L);
        assertThat(row.<Long>getAs("validated") + row.<Long>getAs("quarantined") + row.<Long>getAs("dropped")).isEqualTo(500L);
        Row rule = row.<Row>getList(row.fieldIndex("rules")).get(0);
        assertThat(rule.<String>getAs("rule")).isEqualTo("rating_is_not_a_duration");
        assertThat(rule.<Long>getAs("failed")).isEqualTo(2L);
        assertThat(row.getList(row.fieldIndex("released_record_ids"))).isEmpty();
    }

    @Test
    void shouldTypeACuratedTitleIntoSnakeCaseColumns() {
        Dataset<Row> kafka = Fixtures.kafkaBatch(spark, List.of(
                new KafkaMessage(Topics.TITLES_CURATED, 0, 3, "s1", GoldenSamples.read(Topics.TITLES_CURATED))));

        Row row = SilverTitles.fromKafka(kafka).first();

        assertThat(row.<String>getAs("show_id")).isEqualTo("s1");
        assertThat(row.<String>getAs("record_id")).isEqualTo("7a1d2c3b4e5f60718293a4b5c6d7e8f9");
        assertThat(row.getList(row.fieldIndex("countries"))).containsExactly("United States");
        assertThat(row.getList(row.fieldIndex("cast"))).isEmpty();
        assertThat(row.<Date>getAs("date_added")).hasToString("2021-09-25");
        assertThat(row.<Integer>getAs("release_year")).isEqualTo(2020);
        assertThat(row.<Integer>getAs("duration_minutes")).isEqualTo(90);
        assertThat(row.<Integer>getAs("duration_seasons")).isNull();
        assertThat(row.<String>getAs("rating_prefix")).isEqualTo("PG");
        assertThat(row.schema().fieldNames()).noneMatch(name -> name.startsWith("kafka_") || name.equals("ingested_at"));
    }

    @Test
    void shouldKeepTheLatestVersionPerShowWhateverTheArrivalOrder() {
        Dataset<Row> silver = SilverTitles.fromKafka(Fixtures.kafkaBatch(spark, List.of(
                Fixtures.curatedMessage(Fixtures.curated("s1", "New", List.of(), "e2", 1, T2), 0, 1),
                Fixtures.curatedMessage(Fixtures.curated("s1", "Old", List.of(), "e1", 1, T1), 0, 2),
                Fixtures.curatedMessage(Fixtures.curated("s2", "Row 5", List.of(), "e1", 5, T1), 1, 1),
                Fixtures.curatedMessage(Fixtures.curated("s2", "Row 9", List.of(), "e1", 9, T1), 1, 0))));

        List<Row> latest = SilverTitles.latestPerShow(silver).orderBy("show_id").collectAsList();

        assertThat(latest).extracting(r -> r.<String>getAs("title")).containsExactly("New", "Row 9");
    }

    @Test
    void shouldTurnANullGoldValueIntoADelete() {
        Dataset<Row> kafka = Fixtures.kafkaBatch(spark, List.of(
                new KafkaMessage(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, 0, 10, "Movie|Recent|United States",
                        GoldenSamples.read(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY)),
                Fixtures.goldTombstone("TV Show|Modern|India", 1, 11)));

        List<Row> changes = GoldTitlesByTypeAgeCountry.fromKafka(kafka).orderBy("kafka_offset").collectAsList();

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).<Boolean>getAs("deleted")).isFalse();
        assertThat(changes.get(0).<Long>getAs("content_count")).isEqualTo(2L);
        assertThat(changes.get(0).<Double>getAs("avg_duration_minutes")).isEqualTo(90.0);
        assertThat(changes.get(0).getList(changes.get(0).fieldIndex("genres")))
                .containsExactly("Comedies", "Documentaries");
        assertThat(changes.get(1).<Boolean>getAs("deleted")).isTrue();
        assertThat(changes.get(1).<String>getAs("group_key")).isEqualTo("TV Show|Modern|India");
    }

    @Test
    void shouldKeepOnlyTheLastGoldChangePerKeyOfABatchWithoutParsingTheOthers() {
        String us = "Movie|Recent|United States";
        String india = "Movie|Classic|India";
        Dataset<Row> kafka = Fixtures.kafkaBatch(spark, List.of(
                Fixtures.goldMessage(Fixtures.gold("Movie", "Recent", "United States", 1), 0, 3),
                new KafkaMessage(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, 0, 4, us, "superseded, never parsed"),
                Fixtures.goldMessage(Fixtures.gold("Movie", "Recent", "United States", 7), 0, 5),
                Fixtures.goldMessage(Fixtures.gold("Movie", "Classic", "India", 2), 1, 8),
                Fixtures.goldTombstone(india, 1, 9)));

        List<Row> changes = GoldTitlesByTypeAgeCountry.fromKafka(kafka).orderBy("group_key").collectAsList();

        assertThat(changes).extracting(r -> r.<String>getAs("group_key")).containsExactly(india, us);
        assertThat(changes.get(0).<Boolean>getAs("deleted")).isTrue();
        assertThat(changes.get(0).<Long>getAs("kafka_offset")).isEqualTo(9L);
        assertThat(changes.get(1).<Long>getAs("content_count")).isEqualTo(7L);
        assertThat(changes.get(1).<Long>getAs("kafka_offset")).isEqualTo(5L);
        assertThat(TablePipeline.of(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY).malformed(kafka).count()).isZero();
    }

    @Test
    void shouldKeepTheFirstDeliveryOfARecordInBronze() {
        var record = Fixtures.raw("s1", "One", "e1", 1, T1);
        Dataset<Row> bronze = BronzeTitles.fromKafka(Fixtures.kafkaBatch(spark, List.of(
                Fixtures.rawMessage(record, 1, 30), Fixtures.rawMessage(record, 1, 12), Fixtures.rawMessage(record, 2, 3))));

        List<Row> kept = BronzeTitles.dedupe(bronze).collectAsList();

        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).<Integer>getAs("kafka_partition")).isEqualTo(1);
        assertThat(kept.get(0).<Long>getAs("kafka_offset")).isEqualTo(12L);
    }
}
