package io.netflixlakehouse.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.benchmark.generator.GeneratorSettings;
import io.netflixlakehouse.benchmark.generator.SourceProfile;
import io.netflixlakehouse.benchmark.generator.TitlesCsvGenerator;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.launcher.domain.ManifestMatch;
import io.netflixlakehouse.launcher.kafka.KafkaBroker;
import io.netflixlakehouse.launcher.kafka.TopicSetup;
import io.netflixlakehouse.launcher.pipeline.LandingDrop;
import io.netflixlakehouse.launcher.pipeline.RunLayout;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import io.netflixlakehouse.launcher.pipeline.ServiceSpec;
import io.netflixlakehouse.launcher.process.FreePorts;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once per file under a real crash: the ingest-service process is killed (SIGKILL, process and descendants)
 * while it publishes a generated titles file in transactions, then a new process with the same transactional id
 * fences the dead producer and resumes. Read committed, the raw topic then holds every row of the file once.
 */
class IngestCrashIT {

    private static final long ROWS = 200_000;
    private static final long SEED = 3;
    private static final int TRANSACTION_RECORDS = 5_000;
    private static final String TRANSACTIONAL_ID = "lakehouse-ingest-crash-it";
    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration INGEST = Duration.ofMinutes(4);
    /** The kill comes once a read-committed reader sees this many records (a few transactions). */
    private static final long KILL_AFTER = 4L * TRANSACTION_RECORDS;

    @TempDir
    Path dir;

    @Test
    void shouldPublishEveryRowOnceWhenTheIngestProcessIsKilledMidFile() throws Exception {
        long started = System.nanoTime();
        Path home = TestHome.home();
        Path jar = ServiceCatalog.quarkusRunJar(home, ServiceCatalog.INGEST);
        assertThat(jar).as("the ingest-service build; package it first (mvn -B -pl launcher -am verify)").isRegularFile();
        RunLayout run = RunLayout.createAt(dir.resolve("run"));

        Path generated = dir.resolve("generated").resolve("crash_titles.csv");
        generate(home.resolve("data/kaggle/netflix_titles.csv"), generated);
        Map<String, Long> showIds = showIdsOf(generated);
        long rows = showIds.values().stream().mapToLong(Long::longValue).sum();
        assertThat(rows).as("rows counted with Commons CSV").isEqualTo(ROWS);
        assertThat(showIds).as("one row per show_id").hasSize((int) ROWS);

        List<ManagedProcess> ingests = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(TestHome.brokerLib(), run.kafka(), run.logs(), START)) {
            try {
                try (var admin = broker.admin()) {
                    TopicSetup.createAll(admin);
                }
                String bootstrap = broker.bootstrapServers();

                ManagedProcess first = startIngest(home, bootstrap, run, "ingest-service-1");
                ingests.add(first);
                Path landed = LandingDrop.drop(generated, run.landing());

                long seenBeforeKill = awaitCommittedRecords(bootstrap, first);
                kill(first);
                Instant killed = Instant.now();
                long committedAtKill = readCommitted(bootstrap, record -> { }).size();
                long pendingAtKill = endOffsetSum(bootstrap, "read_uncommitted") - endOffsetSum(bootstrap,
                        "read_committed");
                Optional<FileIngested> manifestAtKill = manifestOf(bootstrap, landed);

                ManagedProcess second = startIngest(home, bootstrap, run, "ingest-service-2");
                ingests.add(second);
                FileIngested manifest = awaitCompletedManifest(bootstrap, landed, second);
                Duration resumed = Duration.between(killed, Instant.now());

                Map<String, Integer> idCounts = new HashMap<>();
                Set<String> keys = new HashSet<>();
                List<RawRecord> records = readCommitted(bootstrap, record -> {
                    idCounts.merge(record.id(), 1, Integer::sum);
                    keys.add(record.key());
                });
                long duplicates = idCounts.values().stream().filter(count -> count > 1).count();

                System.out.printf("IngestCrashIT: rows %,d; seen read-committed before the kill %,d; committed at"
                        + " the kill %,d (log offsets past the last stable offset: %,d); raw records after the restart"
                        + " %,d (distinct ids %,d); manifest %s records %,d; kill to manifest %d s; total %d s%n",
                        rows, seenBeforeKill, committedAtKill, pendingAtKill, records.size(), idCounts.size(),
                        manifest.status(), manifest.records(), resumed.toSeconds(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

                assertThat(manifestAtKill).as("no manifest when the first process was killed").isEmpty();
                assertThat(committedAtKill).as("records committed before the kill").isPositive().isLessThan(rows);
                assertThat(manifest.records()).as("manifest records").isEqualTo(rows);
                assertThat(duplicates).as("record ids seen more than once").isZero();
                assertThat(records).as("raw records, read committed").hasSize((int) rows);
                assertThat(idCounts).as("distinct record ids").hasSize((int) rows);
                assertThat(keys).as("keys (show_id) of the raw records").isEqualTo(showIds.keySet());
            } finally {
                for (ManagedProcess ingest : ingests) {
                    ingest.close();
                }
            }
        }
        assertThat(ingests).allSatisfy(ingest -> assertThat(ingest.liveHandles()).isEmpty());
    }

    private static void generate(Path kaggle, Path target) throws IOException {
        SourceProfile profile = SourceProfile.learn(kaggle);
        Files.createDirectories(target.getParent());
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            TitlesCsvGenerator.write(profile, GeneratorSettings.realistic(profile, ROWS, SEED, 1.0), out);
        }
    }

    /** Rows per show_id, counted independently of the service. */
    private static Map<String, Long> showIdsOf(Path csv) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord row : parser) {
                rows.merge(row.get("show_id"), 1L, Long::sum);
            }
        }
        return rows;
    }

    /** The ingest-service as the launcher runs it, with small transactions and this test's transactional id. */
    private static ManagedProcess startIngest(Path home, String bootstrap, RunLayout run, String name)
            throws InterruptedException, TimeoutException {
        List<Integer> ports = FreePorts.distinct(ServiceCatalog.HTTP_SERVICES.size());
        Map<String, Integer> httpPorts = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            httpPorts.put(ServiceCatalog.HTTP_SERVICES.get(i), ports.get(i));
        }
        ServiceSpec spec = ServiceCatalog.services(new ServiceCatalog.Context(home, bootstrap, run, httpPorts))
                .stream().filter(s -> s.name().equals(ServiceCatalog.INGEST)).findFirst().orElseThrow();
        Map<String, String> env = new HashMap<>(spec.env());
        env.put("LAKEHOUSE_INGEST_TRANSACTION_RECORDS", Integer.toString(TRANSACTION_RECORDS));
        env.put("LAKEHOUSE_INGEST_TRANSACTIONAL_ID", TRANSACTIONAL_ID);
        // The restarted consumer must not wait the default 45 s for the killed member's session to expire.
        List<String> command = new ArrayList<>(spec.command());
        command.add(command.indexOf("-jar"), "-Dmp.messaging.incoming.blob-events.session.timeout.ms=6000");
        command.add(command.indexOf("-jar"), "-Dmp.messaging.incoming.blob-events.heartbeat.interval.ms=1000");
        ManagedProcess process = ManagedProcess.start(name, command, env, run.root(), run.log(name));
        try {
            process.awaitHttpOk(spec.readinessUrl().orElseThrow(), Instant.now().plus(START));
        } catch (RuntimeException | TimeoutException | InterruptedException e) {
            process.close();
            throw e;
        }
        return process;
    }

    /** Polls the raw topic, read committed, until the running process has committed {@link #KILL_AFTER} records. */
    private static long awaitCommittedRecords(String bootstrap, ManagedProcess ingest)
            throws InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(INGEST);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = assignFromStart(consumer, Topics.TITLES_RAW);
            long seen = 0;
            while (seen < KILL_AFTER) {
                ingest.requireAlive();
                seen += consumer.poll(Duration.ofMillis(100)).count();
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("no committed record on " + partitions + " before the deadline\n"
                            + ingest.tail(40));
                }
            }
            return seen;
        }
    }

    /** Sum of the raw topic's end offsets: the log end (read_uncommitted) or the last stable offset (read_committed). */
    private static long endOffsetSum(String bootstrap, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TITLES_RAW, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(Topics.TITLES_RAW, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }

    /** kill -9 of the process and every descendant, as a crash would end them. */
    private static void kill(ManagedProcess ingest) throws InterruptedException {
        List<ProcessHandle> handles = ingest.liveHandles();
        assertThat(handles).as("a running ingest-service to kill").isNotEmpty();
        handles.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the killed process " + handle.pid() + " did not end", e);
            }
        }
    }

    /** Waits for the file's manifest; fails on any status other than COMPLETED. */
    private static FileIngested awaitCompletedManifest(String bootstrap, Path landed, ManagedProcess ingest)
            throws InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(INGEST);
        while (true) {
            ingest.requireAlive();
            Optional<FileIngested> manifest = manifestOf(bootstrap, landed);
            if (manifest.isPresent()) {
                assertThat(manifest.get().status()).as("manifest of %s: %s", landed, manifest.get().reason())
                        .isEqualTo(FileIngested.Status.COMPLETED);
                return manifest.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("no manifest for " + landed + " before the deadline\n" + ingest.tail(40));
            }
            Thread.sleep(1000);
        }
    }

    /** The latest manifest of {@code landed} on the manifest topic, read to its current end. */
    private static Optional<FileIngested> manifestOf(String bootstrap, Path landed) {
        FileIngested[] latest = new FileIngested[1];
        readToEnd(bootstrap, Topics.INGEST_FILES, value -> {
            FileIngested manifest = parse(value, FileIngested.class);
            if (ManifestMatch.matches(manifest.sourceUrl(), landed)) {
                latest[0] = manifest;
            }
        });
        return Optional.ofNullable(latest[0]);
    }

    /** Every raw record visible to a read-committed reader now (the end is the last stable offset). */
    private static List<RawRecord> readCommitted(String bootstrap, Consumer<RawRecord> each) {
        List<RawRecord> records = new ArrayList<>();
        readToEnd(bootstrap, Topics.TITLES_RAW, value -> {
            RawRecord record = parse(value, RawRecord.class);
            records.add(record);
            each.accept(record);
        });
        return records;
    }

    private static void readToEnd(String bootstrap, String topic, Consumer<byte[]> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = assignFromStart(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(topic + " not read to " + end + " within 2 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        each.accept(record.value());
                    }
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-crash-it");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> assignFromStart(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static <T> T parse(byte[] value, Class<T> type) {
        try {
            return Json.mapper().readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + new String(value,
                    StandardCharsets.UTF_8), e);
        }
    }
}
