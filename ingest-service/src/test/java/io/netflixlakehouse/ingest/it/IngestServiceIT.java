package io.netflixlakehouse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
import io.netflixlakehouse.contracts.event.DeadLetter;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The packaged service's Kafka wiring against a real broker: the built-in dataset specs on the
 * shipped data with exact counts, the ledger loaded from the compacted manifest topic at start-up,
 * duplicate delivery, a refused overwrite, schema history, and a dead letter for each bad input.
 */
@QuarkusTest
@TestProfile(IngestServiceIT.RealBroker.class)
class IngestServiceIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Path DATA = Path.of("../data");

    /** Kafka connectors on every channel, a landing folder of its own, no watcher; the ledger is loaded at start-up. */
    public static class RealBroker implements QuarkusTestProfile {
        static final Path ROOT;

        static {
            try {
                ROOT = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-folders")), "ingest-it-landing")
                        .toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getConfigProfile() {
            return "it";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "lakehouse.ingest.landing.root", ROOT.toString(),
                    "lakehouse.ingest.landing.enabled", "false",
                    "lakehouse.ingest.load-state-at-startup", "true",
                    "mp.messaging.incoming.blob-events.group.id", "lakehouse-ingest-it");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class));
        }
    }

    /** A manifest already on the ledger topic when the service starts. */
    static FileIngested preIngested() {
        String url = RealBroker.ROOT.resolve("preingested_titles.csv").toUri().toString();
        return new FileIngested(FileIngested.SCHEMA_VERSION, RecordIds.ofFile(url, "0x1"), Instant.now(), "titles", url,
                "0x1", "evt-earlier", FileIngested.Status.COMPLETED, 1, null);
    }

    /** The file an earlier instance was ingesting when it was killed (see {@link KafkaBrokerResource}). */
    static Path crashFile() {
        return RealBroker.ROOT.resolve("crashed_titles.csv");
    }

    @Inject
    MeterRegistry registry;

    @Test
    void shouldResumeAFileAfterACrashSoThatEveryRowIsCommittedExactlyOnce() throws Exception {
        String url = crashFile().toUri().toString();

        send(event("evt-redelivered", url, "0x1"));
        Map<String, FileIngested> manifests = latestManifests(m -> m.containsKey(url));

        assertThat(manifests.get(url).status()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(manifests.get(url).records()).isEqualTo(8807);
        List<RawRecord> rows = readToEnd(Topics.TITLES_RAW, RawRecord.class).stream()
                .filter(r -> r.lineage().sourceUrl().equals(url)).toList();
        assertThat(rows).hasSize(8807);
        assertThat(rows).extracting(RawRecord::id).doesNotHaveDuplicates();
        assertThat(rows).extracting(r -> r.lineage().recordNumber()).doesNotHaveDuplicates()
                .contains(1L, (long) KafkaBrokerResource.COMMITTED_BEFORE_CRASH + 1, 8807L);
        assertThat(rows).filteredOn(r -> r.lineage().blobEventId().equals("evt-crashed"))
                .hasSize(KafkaBrokerResource.COMMITTED_BEFORE_CRASH);
        // The log does hold the crashed instance's open transaction: aborted, so read-committed readers skip it.
        List<RawRecord> uncommitted = readToEnd(Topics.TITLES_RAW, RawRecord.class, "read_uncommitted").stream()
                .filter(r -> r.lineage().sourceUrl().equals(url)).toList();
        assertThat(uncommitted).hasSize(8807 + KafkaBrokerResource.OPEN_AT_CRASH);
    }

    @Test
    void shouldIngestTheSeedAndKaggleFilesWithExactCountsOnceEach() throws Exception {
        Path seed = Files.createDirectories(RealBroker.ROOT.resolve("seed"));
        Map<String, Long> expected = Map.of(
                "netflix_titles.csv", 6236L, "netflix_cast.csv", 44311L, "netflix_category.csv", 13670L,
                "netflix_countries.csv", 7179L, "netflix_directors.csv", 4852L);
        List<String> urls = new ArrayList<>();
        for (String name : expected.keySet()) {
            urls.add(Files.copy(DATA.resolve("seed").resolve(name), seed.resolve(name)).toUri().toString());
        }
        String kaggle = Files.copy(DATA.resolve("kaggle/netflix_titles.csv"), RealBroker.ROOT.resolve("netflix_titles.csv"))
                .toUri().toString();
        urls.add(kaggle);
        String preIngested = Files.writeString(RealBroker.ROOT.resolve("preingested_titles.csv"), "show_id\nx1\n")
                .toUri().toString();
        double duplicatesBefore = counter(FileIngested.Status.SKIPPED, "DUPLICATE_EVENT");

        for (String url : urls) {
            send(event("evt-" + url.hashCode(), url, "0x1"));
        }
        send(event("evt-pre", preIngested, "0x1"));
        Map<String, FileIngested> manifests = latestManifests(m -> urls.stream().allMatch(m::containsKey));

        assertThat(manifests.get(kaggle)).satisfies(manifest -> {
            assertThat(manifest.status()).isEqualTo(FileIngested.Status.COMPLETED);
            assertThat(manifest.dataset()).isEqualTo("titles");
            assertThat(manifest.records()).isEqualTo(8807);
        });
        expected.forEach((name, rows) -> assertThat(manifests.get(seed.resolve(name).toUri().toString()))
                .as(name).satisfies(manifest -> {
                    assertThat(manifest.status()).isEqualTo(FileIngested.Status.COMPLETED);
                    assertThat(manifest.records()).isEqualTo(rows);
                }));

        Map<String, Long> titlesByDataset = countByDataset(Topics.TITLES_RAW, urls, 8807 + 6236);
        Map<String, Long> lookupsByDataset = countByDataset(KafkaBrokerResource.LOOKUPS_RAW, urls, 44311 + 13670 + 7179 + 4852);
        assertThat(titlesByDataset).containsOnly(Map.entry("titles", 8807L), Map.entry("seed_titles", 6236L));
        assertThat(lookupsByDataset).containsOnly(Map.entry("cast", 44311L), Map.entry("category", 13670L),
                Map.entry("countries", 7179L), Map.entry("directors", 4852L));

        // The version the ledger had before start-up was skipped; so is a repeated delivery; a new eTag is refused.
        send(event("evt-again", kaggle, "0x1"));
        send(event("evt-overwrite", kaggle, "0x2"));
        Map<String, FileIngested> after = latestManifestsById(m -> m.containsKey(RecordIds.ofFile(kaggle, "0x2")));
        assertThat(after.get(RecordIds.ofFile(kaggle, "0x2"))).satisfies(manifest -> {
            assertThat(manifest.status()).isEqualTo(FileIngested.Status.SKIPPED);
            assertThat(manifest.reason()).isEqualTo("OVERWRITE_NOT_ALLOWED");
        });
        waitFor(() -> counter(FileIngested.Status.SKIPPED, "DUPLICATE_EVENT") >= duplicatesBefore + 2, "two duplicates");
        assertThat(after.get(preIngested().id()).blobEventId()).isEqualTo("evt-earlier");
        List<RawRecord> everything = readToEnd(Topics.TITLES_RAW, RawRecord.class);
        assertThat(everything).extracting(RawRecord::id).doesNotHaveDuplicates();
        assertThat(everything).filteredOn(r -> r.lineage().sourceUrl().equals(kaggle)).hasSize(8807);
        assertThat(everything).noneMatch(r -> r.lineage().sourceUrl().equals(preIngested));
    }

    @Test
    void shouldDeadLetterEachBadInputAndRecordANewColumn() throws Exception {
        Path root = RealBroker.ROOT;
        String header = "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,%s,description\n";
        String renamed = Files.writeString(root.resolve("genre_titles.csv"), header.formatted("genre")
                + "g1,Movie,One,,,,\"May 1, 2020\",2020,PG,90 min,Dramas,Fine\n"
                + "g2,Movie,Two,,,,,not a year,PG,90 min,Dramas,Fine,one more\n").toUri().toString();
        String binary = Files.write(root.resolve("binary_titles.csv"),
                new byte[] {'s', 'h', 'o', 'w', '_', 'i', 'd', '\n', (byte) 0xC3, (byte) 0x28, 0, 1, '\n'}).toUri().toString();
        String wrongHeader = Files.writeString(root.resolve("wrong_titles.csv"), "id,name\n1,x\n").toUri().toString();
        String unterminated = Files.writeString(root.resolve("broken_titles.csv"), "show_id,title\ns1,One\ns2,\"open\n")
                .toUri().toString();
        String unknown = Files.writeString(root.resolve("readme.csv"), "show_id\ns1\n").toUri().toString();
        String missing = root.resolve("gone_titles.csv").toUri().toString();

        for (String url : List.of(renamed, binary, wrongHeader, unterminated, unknown, missing)) {
            send(event("evt-bad-" + url.hashCode(), url, "0x1"));
        }
        send("{\"id\": \"broken");

        List<DeadLetter> letters = readUntil(Topics.INGEST_DEAD_LETTER, DeadLetter.class, list -> list.size() >= 6);
        Map<String, DeadLetter> byUrl = letters.stream().filter(l -> l.sourceUrl() != null)
                .collect(Collectors.toMap(DeadLetter::sourceUrl, l -> l, (a, b) -> b));
        assertThat(byUrl.get(binary).reason()).isEqualTo("NOT_CSV");
        assertThat(byUrl.get(wrongHeader)).satisfies(l -> {
            assertThat(l.reason()).isEqualTo("INVALID_HEADER");
            assertThat(l.lineNumber()).isEqualTo(1L);
        });
        assertThat(byUrl.get(unterminated)).satisfies(l -> {
            assertThat(l.reason()).isEqualTo("CSV_PARSE_ERROR");
            assertThat(l.lineNumber()).isEqualTo(3L);
            assertThat(l.dataset()).isEqualTo("titles");
        });
        assertThat(byUrl.get(unknown).reason()).isEqualTo("UNKNOWN_DATASET");
        assertThat(byUrl.get(missing).reason()).isEqualTo("BLOB_NOT_FOUND");
        assertThat(byUrl).doesNotContainKey(renamed);
        assertThat(readUntil(Topics.INGEST_DEAD_LETTER, DeadLetter.class,
                list -> list.stream().anyMatch(l -> l.sourceUrl() == null)))
                .filteredOn(l -> l.sourceUrl() == null).first()
                .satisfies(l -> assertThat(l.reason()).isEqualTo("MALFORMED_EVENT"));

        List<DatasetSchemaChanged> schemas = readUntil(Topics.INGEST_SCHEMAS, DatasetSchemaChanged.class,
                list -> list.stream().anyMatch(c -> renamed.equals(c.sourceUrl())));
        assertThat(schemas).filteredOn(c -> renamed.equals(c.sourceUrl())).singleElement().satisfies(change -> {
            assertThat(change.dataset()).isEqualTo("titles");
            assertThat(change.addedColumns()).containsExactly("genre");
        });
        List<RawRecord> rescued = readUntil(Topics.TITLES_RAW, RawRecord.class,
                list -> list.stream().filter(r -> renamed.equals(r.lineage().sourceUrl())).count() == 2);
        RawRecord g2 = rescued.stream().filter(r -> "g2".equals(r.key())).findFirst().orElseThrow();
        JsonNode kept = Json.mapper().readTree(g2.fields().get("_rescued_data"));
        assertThat(kept.get("release_year").asText()).isEqualTo("not a year");
        assertThat(kept.get("_extra_1").asText()).isEqualTo("one more");
        assertThat(kept.get("_line").asLong()).isEqualTo(3);
        assertThat(g2.fields()).containsEntry("genre", "Dramas").containsEntry("release_year", null);
        assertThat(registry.counter("lakehouse.ingest.dead.letters", "reason", "NOT_CSV").count()).isPositive();
    }

    private double counter(FileIngested.Status status, String reason) {
        return registry.counter("lakehouse.ingest.files", "status", status.name(), "reason", reason).count();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String event(String id, String url, String eTag) {
        return """
                {"id":"%s","topic":"local://it","subject":"/blobServices/default/containers/landing/blobs/x",
                 "eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-25T10:15:30.123Z",
                 "data":{"api":"PutBlob","eTag":"%s","contentType":"text/csv","contentLength":1,"blobType":"BlockBlob",
                         "url":"%s","sequencer":"01"},
                 "dataVersion":"","metadataVersion":"1"}
                """.formatted(id, eTag, url);
    }

    private static void send(String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.BLOB_EVENTS, value.length() > 40 ? null : "k", value)).get();
        }
    }

    /** Latest manifest per url, read until {@code done}. */
    private static Map<String, FileIngested> latestManifests(Predicate<Map<String, FileIngested>> done) throws Exception {
        Map<String, FileIngested>[] latest = new Map[1];
        readUntil(Topics.INGEST_FILES, FileIngested.class, list -> {
            latest[0] = list.stream().filter(m -> m.sourceUrl() != null)
                    .collect(Collectors.toMap(FileIngested::sourceUrl, m -> m, (a, b) -> b));
            return done.test(latest[0]);
        });
        return latest[0];
    }

    private static Map<String, FileIngested> latestManifestsById(Predicate<Map<String, FileIngested>> done) throws Exception {
        Map<String, FileIngested>[] latest = new Map[1];
        readUntil(Topics.INGEST_FILES, FileIngested.class, list -> {
            latest[0] = list.stream().collect(Collectors.toMap(FileIngested::id, m -> m, (a, b) -> b));
            return done.test(latest[0]);
        });
        return latest[0];
    }

    /** Records of the given files per dataset, read until {@code total} of them are there. */
    private static Map<String, Long> countByDataset(String topic, List<String> urls, long total) throws Exception {
        Predicate<RawRecord> ofUrls = record -> urls.contains(record.lineage().sourceUrl());
        List<RawRecord> records = readUntil(topic, RawRecord.class, list -> list.stream().filter(ofUrls).count() >= total);
        assertThat(records).extracting(RawRecord::id).doesNotHaveDuplicates();
        return records.stream().filter(ofUrls).collect(Collectors.groupingBy(RawRecord::dataset, Collectors.counting()));
    }

    /** Everything on a topic (read committed, from the beginning), read until {@code done} holds. */
    private static <T> List<T> readUntil(String topic, Class<T> type, Predicate<List<T>> done) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<T> values = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(values)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Never happened on " + topic + " (" + values.size() + " values read)");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(Json.mapper().readValue(Objects.requireNonNull(record.value()), type));
                }
            }
        }
        return values;
    }

    /** Everything on a topic up to its end offsets now (read committed). */
    private static <T> List<T> readToEnd(String topic, Class<T> type) throws Exception {
        return readToEnd(topic, type, "read_committed");
    }

    private static <T> List<T> readToEnd(String topic, Class<T> type, String isolation) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(Json.mapper().readValue(Objects.requireNonNull(record.value()), type));
                }
            }
        }
        return values;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never happened: " + what);
            }
            Thread.sleep(20);
        }
    }
}
