package io.netflixlakehouse.lakewriter.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.sink.DeltaTables;
import io.netflixlakehouse.lakewriter.transform.KafkaColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Runs every table's production writer on generated records before the queries start, in a scratch lake that is
 * deleted afterwards: two batches of new keys (the append path) and one that repeats keys (the MERGE path) per
 * table. A fresh JVM otherwise compiles Spark's, Delta's and Parquet's code (the JIT, Spark's generated classes)
 * while the first real files arrive: on 2 cores under a 1M-row flood the first micro-batches took 40-70 s, the
 * later ones 2-6 s. The warm-up never reads Kafka and never writes the lake.
 */
public final class WarmUp {

    /** What a warm-up did: the generated records per table, the rows each scratch table ended with, the time. */
    public record Outcome(int recordsPerTable, Map<String, Long> rows, long millis) {
    }

    private static final int PARTITIONS = 3;
    private static final String URL = "file:///warm-up/titles.csv";
    private static final String[] TYPES = {"Movie", "TV Show"};
    private static final String[] COUNTRIES = {"United States", "India", "United Kingdom", "Japan", "France"};
    private static final String[] GENRES = {"Dramas", "Comedies", "Documentaries", "International Movies"};

    private WarmUp() {
    }

    /**
     * Writes {@code records} generated records per table (in three batches) through {@link MicroBatchWriter} into
     * a scratch lake under {@code scratchParent}, then deletes it, whether the writes succeed or not.
     */
    public static Outcome run(SparkSession spark, Path scratchParent, int records) {
        if (records <= 0) {
            throw new IllegalArgumentException("records must be positive: " + records);
        }
        long start = System.nanoTime();
        Path scratch = createScratch(scratchParent);
        try {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (TablePipeline pipeline : TablePipeline.all()) {
                warm(spark, pipeline, scratch, records);
                rows.put(pipeline.table().viewName(), DeltaTables.read(spark, pipeline.table().path(scratch)).count());
            }
            return new Outcome(records, rows, (System.nanoTime() - start) / 1_000_000L);
        } finally {
            delete(scratch);
        }
    }

    private static void warm(SparkSession spark, TablePipeline pipeline, Path lake, int records) {
        pipeline.sink().ensureTable(spark, lake);
        MicroBatchWriter writer = new MicroBatchWriter(pipeline, lake, MalformedRecordPolicy.FAIL, (id, ends) -> { });
        int half = Math.max(1, records / 2);
        int repeated = Math.max(1, Math.min(1000, records / 10));
        List<String[]> first = messages(pipeline.table(), 0, half, 0);
        List<String[]> second = messages(pipeline.table(), half, records - half, half);
        // the first keys again, at later offsets: a re-delivery, which takes the MERGE path
        List<String[]> again = messages(pipeline.table(), 0, repeated, records);
        long batchId = 0;
        for (List<String[]> batch : List.of(first, second, again)) {
            if (!batch.isEmpty()) {
                call(writer, kafkaBatch(spark, pipeline.table().topic(), batch), batchId++);
            }
        }
    }

    private static void call(MicroBatchWriter writer, Dataset<Row> batch, long batchId) {
        try {
            writer.call(batch, batchId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("warm-up interrupted", e);
        }
    }

    /** Messages {@code {key, value, offset}} for records {@code from} to {@code from + count - 1}. */
    static List<String[]> messages(LakeTable table, int from, int count, long firstOffset) {
        List<String[]> messages = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            Object record = record(table, i);
            messages.add(new String[] {key(record), json(record), Long.toString(firstOffset + i - from)});
        }
        return messages;
    }

    private static Object record(LakeTable table, int i) {
        String show = "warm-up-s" + i;
        String title = "Warm-up title " + i;
        String country = COUNTRIES[i % COUNTRIES.length];
        Instant now = Instant.now();
        Lineage lineage = new Lineage(URL, "warm-up", i, i + 2L, "warm-up-event", now, now);
        String recordId = RecordIds.of(URL, "warm-up", i);
        return switch (table) {
            case BRONZE_TITLES -> new RawRecord(RawRecord.SCHEMA_VERSION, recordId, now, "titles", show,
                    fields(show, title, country, i), lineage);
            case SILVER_TITLES -> new CuratedTitle(CuratedTitle.SCHEMA_VERSION, recordId, now, show,
                    TYPES[i % 2], i % 2, title, title, List.of("A Director " + i % 97),
                    List.of("An Actor " + i % 89, "Another Actor " + i % 83), List.of(country),
                    LocalDate.of(2019, 1, 1).plusDays(i % 1000), 1990 + i % 35, "TV-MA", "TV", 60 + i % 90, null,
                    List.of(GENRES[i % GENRES.length]), description(title, i), lineage);
            case QUARANTINE_TITLES -> new QuarantineRecord(QuarantineRecord.SCHEMA_VERSION, recordId, now, "titles",
                    show, fields(show, title, country, i), lineage, "warm-up",
                    List.of(new QuarantineRecord.RuleFailure("valid_rating", "rating IS NOT NULL", "quarantine",
                            Map.of("rating", "74 min"))));
            case GOLD_TITLES_BY_TYPE_AGE_COUNTRY -> {
                String type = TYPES[i % 2];
                String age = i % 3 == 0 ? "Recent" : "Classic";
                yield new GoldTitleAggregate(GoldTitleAggregate.SCHEMA_VERSION, type + "|" + age + "|" + country
                        + " " + i % 350, now, type, age, country + " " + i % 350, i, 90L * i, i, 90.0,
                        Map.of(GENRES[i % GENRES.length], (long) i), List.of(GENRES[i % GENRES.length]));
            }
            case QUALITY_EVENTS -> new QualityEvent(QualityEvent.SCHEMA_VERSION, "warm-up-event-" + i, now,
                    QualityEvent.Kind.BATCH, "titles", "warm-up", URL, "warm-up", "warm-up-file",
                    "titles-raw-0@" + i, 100, 99, 1, 0,
                    List.of(new QualityEvent.RuleCount("valid_rating", null, "quarantine", 99, 1)), null, List.of());
        };
    }

    private static Map<String, String> fields(String show, String title, String country, int i) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("show_id", show);
        fields.put("type", TYPES[i % 2]);
        fields.put("title", title);
        fields.put("director", "A Director " + i % 97);
        fields.put("cast", "An Actor " + i % 89 + ", Another Actor " + i % 83);
        fields.put("country", country);
        fields.put("date_added", "September 25, 2021");
        fields.put("release_year", Integer.toString(1990 + i % 35));
        fields.put("rating", "TV-MA");
        fields.put("duration", 60 + i % 90 + " min");
        fields.put("listed_in", GENRES[i % GENRES.length]);
        fields.put("description", description(title, i));
        return fields;
    }

    private static String description(String title, int i) {
        return "In " + title + ", a story numbered " + i + " unfolds over one long evening, told by those who were"
                + " there and by those who only heard of it.";
    }

    private static String key(Object record) {
        if (record instanceof RawRecord r) {
            return r.key();
        } else if (record instanceof CuratedTitle t) {
            return t.showId();
        } else if (record instanceof QuarantineRecord q) {
            return q.key();
        } else if (record instanceof GoldTitleAggregate g) {
            return g.id();
        }
        return ((QualityEvent) record).id();
    }

    private static String json(Object record) {
        try {
            return Json.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dataset<Row> kafkaBatch(SparkSession spark, String topic, List<String[]> messages) {
        List<Row> rows = new ArrayList<>(messages.size());
        for (String[] m : messages) {
            long offset = Long.parseLong(m[2]);
            rows.add(RowFactory.create(m[0].getBytes(StandardCharsets.UTF_8), m[1].getBytes(StandardCharsets.UTF_8),
                    topic, (int) (offset % PARTITIONS), offset / PARTITIONS));
        }
        return spark.createDataFrame(rows, KafkaColumns.SOURCE_SCHEMA);
    }

    private static Path createScratch(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "warm-up-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the warm-up's scratch lake under " + parent, e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the warm-up's scratch lake " + root, e);
        }
    }
}
