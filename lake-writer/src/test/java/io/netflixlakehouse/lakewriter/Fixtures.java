package io.netflixlakehouse.lakewriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.QuarantineRecord.RuleFailure;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.transform.KafkaColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Contract records, their Kafka messages and Spark batches of them, for tests. */
public final class Fixtures {

    public static final String URL = "file:///landing/titles/netflix_titles.csv";
    public static final Instant T1 = Instant.parse("2026-11-25T10:15:30.123Z");
    public static final Instant T2 = Instant.parse("2026-11-25T11:00:00.000456789Z");

    private Fixtures() {
    }

    /** A local[2] Delta session for one test class. */
    public static SparkSession spark() {
        SparkSession spark = SparkSessions.create("local[2]", "lake-writer-test");
        // test batches are a handful of rows: one shuffle partition is enough
        spark.conf().set("spark.sql.shuffle.partitions", "1");
        spark.conf().set("spark.databricks.delta.snapshotPartitions", "1");
        // compiling code for tiny plans costs more than it saves: roughly halves the time of a Delta MERGE here
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        spark.conf().set("spark.sql.adaptive.enabled", "false");
        return spark;
    }

    /** A Kafka message as Spark's Kafka source shows it. */
    public record KafkaMessage(String topic, int partition, long offset, String key, String value) {
    }

    public static Lineage lineage(String eTag, long recordNumber, Instant blobEventTime) {
        return new Lineage(URL, eTag, recordNumber, recordNumber + 1, "event-" + eTag, blobEventTime,
                Instant.now());
    }

    public static String recordId(String eTag, long recordNumber) {
        return RecordIds.of(URL, eTag, recordNumber);
    }

    public static Map<String, String> fields(String showId, String title, String country) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("show_id", showId);
        fields.put("type", "Movie");
        fields.put("title", title);
        fields.put("country", country);
        fields.put("release_year", "2020");
        return fields;
    }

    public static RawRecord raw(String showId, String title, String eTag, long recordNumber, Instant blobTime) {
        return new RawRecord(RawRecord.SCHEMA_VERSION, recordId(eTag, recordNumber), Instant.now(), "titles", showId,
                fields(showId, title, "United States"), lineage(eTag, recordNumber, blobTime));
    }

    public static QuarantineRecord quarantined(String showId, String eTag, long recordNumber, List<String> rules) {
        List<RuleFailure> failures = rules.stream()
                .map(rule -> new RuleFailure(rule, rule + " holds", "quarantine", Map.of("rating", "74 min")))
                .toList();
        return new QuarantineRecord(QuarantineRecord.SCHEMA_VERSION, recordId(eTag, recordNumber), Instant.now(),
                "titles", showId, fields(showId, "Quarantined " + showId, null), lineage(eTag, recordNumber, T1),
                "titles-v1", failures);
    }

    public static CuratedTitle curated(
            String showId, String title, List<String> countries, String eTag, long recordNumber, Instant blobTime) {
        return new CuratedTitle(CuratedTitle.SCHEMA_VERSION, recordId(eTag, recordNumber), blobTime, showId, "Movie", 1,
                title, title, List.of("A Director"), List.of(), countries, LocalDate.of(2021, 9, 25), 2020, "PG-13",
                "PG", 90, null, List.of("Documentaries"), "About " + title, lineage(eTag, recordNumber, blobTime));
    }

    public static GoldTitleAggregate gold(String type, String age, String country, long count) {
        return new GoldTitleAggregate(GoldTitleAggregate.SCHEMA_VERSION, type + "|" + age + "|" + country,
                Instant.now(), type, age, country, count, 90 * count, count, 90.0,
                new TreeMap<>(Map.of("Documentaries", count)), List.of("Documentaries"));
    }

    public static String json(Object record) {
        try {
            return Json.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KafkaMessage rawMessage(RawRecord r, int partition, long offset) {
        return new KafkaMessage(Topics.TITLES_RAW, partition, offset, r.key(), json(r));
    }

    public static KafkaMessage curatedMessage(CuratedTitle t, int partition, long offset) {
        return new KafkaMessage(Topics.TITLES_CURATED, partition, offset, t.showId(), json(t));
    }

    public static KafkaMessage quarantineMessage(QuarantineRecord q, int partition, long offset) {
        return new KafkaMessage(Topics.TITLES_QUARANTINE, partition, offset, q.key(), json(q));
    }

    public static KafkaMessage goldMessage(GoldTitleAggregate g, int partition, long offset) {
        return new KafkaMessage(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, partition, offset, g.id(), json(g));
    }

    public static KafkaMessage goldTombstone(String groupKey, int partition, long offset) {
        return new KafkaMessage(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, partition, offset, groupKey, null);
    }

    /** A batch with the columns (and binary key/value) of Spark's Kafka source. */
    public static Dataset<Row> kafkaBatch(SparkSession spark, List<KafkaMessage> messages) {
        List<Row> rows = messages.stream()
                .map(m -> RowFactory.create(bytes(m.key()), bytes(m.value()), m.topic(), m.partition(), m.offset()))
                .collect(Collectors.toList());
        return spark.createDataFrame(rows, KafkaColumns.SOURCE_SCHEMA);
    }

    /**
     * {@link #kafkaBatch} scanned from an RDD, as Spark's Kafka source is: the optimizer cannot evaluate a local
     * relation's plan on the driver, so the plan is the stream's.
     */
    public static Dataset<Row> kafkaScan(SparkSession spark, List<KafkaMessage> messages) {
        Dataset<Row> local = kafkaBatch(spark, messages);
        return spark.createDataFrame(local.javaRDD(), local.schema());
    }

    /** Writes {@code messages} as JSON lines (key/value as text) for a file-source stream. */
    public static void writeJsonLines(Path file, List<KafkaMessage> messages) {
        String lines = messages.stream().map(m -> {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("key", m.key());
            node.put("value", m.value());
            node.put("topic", m.topic());
            node.put("partition", m.partition());
            node.put("offset", m.offset());
            return node.toString();
        }).collect(Collectors.joining("\n", "", "\n"));
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
