package io.netflixlakehouse.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.ContractSerdes;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import io.netflixlakehouse.launcher.kafka.KafkaBroker;
import io.netflixlakehouse.launcher.kafka.TopicSetup;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import io.netflixlakehouse.launcher.process.FreePorts;
import io.netflixlakehouse.launcher.process.Java;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two quality-service processes in one consumer group on a broker process; 50,000 raw records; one instance
 * killed with SIGKILL mid-stream. Read with read_committed, validated + quarantine hold every record id exactly
 * once, and the quality event log counts every record exactly once.
 */
class QualityScaleIT {

    private static final int RECORDS = 50_000;
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void shouldLoseAndDuplicateNothingWhenAnInstanceIsKilledMidStream() throws Exception {
        Path home = TestHome.home();
        Path jar = ServiceCatalog.quarkusRunJar(home, ServiceCatalog.QUALITY);
        assertThat(jar).as("build it first: mvn -B -pl quality-service package").exists();
        List<ManagedProcess> instances = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(TestHome.brokerLib(), dir.resolve("kafka"), dir.resolve("logs"),
                Duration.ofSeconds(60))) {
            try (Admin admin = broker.admin()) {
                TopicSetup.createAll(admin);
            }
            for (int i = 1; i <= 2; i++) {
                instances.add(start(jar, "quality-" + i, broker.bootstrapServers()));
            }
            for (ManagedProcess instance : instances) {
                instance.awaitHttpOk(URI.create(readiness(instance)), Instant.now().plusSeconds(60));
            }

            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(broker.bootstrapServers()));
            Map<String, Integer> seen = new HashMap<>();
            try (KafkaConsumer<String, byte[]> outputs = committedReader(broker.bootstrapServers(),
                    List.of(Topics.TITLES_VALIDATED, Topics.TITLES_QUARANTINE))) {
                Instant deadline = Instant.now().plus(DEADLINE);
                while (seen.size() < RECORDS / 5 && Instant.now().isBefore(deadline)) {
                    collect(outputs, seen);
                }
                int beforeKill = seen.size();
                ProcessHandle victim = instances.get(0).liveHandles().get(0);
                victim.destroyForcibly();
                victim.onExit().get();
                assertThat(beforeKill).as("records through when one instance was killed").isLessThan(RECORDS);

                producing.get();
                int quiet = 0;
                while (Instant.now().isBefore(deadline) && (seen.size() < RECORDS || quiet < 10)) {
                    int before = seen.values().stream().mapToInt(Integer::intValue).sum();
                    collect(outputs, seen);
                    int after = seen.values().stream().mapToInt(Integer::intValue).sum();
                    quiet = seen.size() >= RECORDS && after == before ? quiet + 1 : 0;
                }
            }
            assertThat(seen).as("distinct record ids on validated + quarantine").hasSize(RECORDS);
            assertThat(seen.values()).as("copies of each record id").containsOnly(1);

            long received = 0;
            long reconciled = 0;
            try (KafkaConsumer<String, byte[]> events = committedReader(broker.bootstrapServers(), List.of(Topics.QUALITY_EVENTS))) {
                Instant deadline = Instant.now().plusSeconds(30);
                while (received < RECORDS && Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(500))) {
                        QualityEvent event = ContractSerdes.json(QualityEvent.class).deserializer().deserialize(record.topic(), record.value());
                        received += event.received();
                        reconciled += event.validated() + event.quarantined() + event.dropped();
                    }
                }
            }
            assertThat(received).as("records counted by the quality event log").isEqualTo(RECORDS);
            assertThat(reconciled).as("validated + quarantined + dropped in the event log").isEqualTo(RECORDS);
            assertThat(instances.get(1).isAlive()).as("the surviving instance").isTrue();
        } finally {
            for (ManagedProcess instance : instances) {
                instance.stop(Duration.ofSeconds(10));
            }
        }
    }

    private ManagedProcess start(Path jar, String name, String bootstrapServers) {
        int port = FreePorts.one();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // Small batches and a short session: the survivor takes the dead instance's partitions within seconds.
        List<String> command = List.of(Java.executable().toString(), "-Xmx256m",
                "-Dmp.messaging.incoming.raw-records.max.poll.records=250",
                "-Dmp.messaging.incoming.raw-records.session.timeout.ms=6000",
                "-Dmp.messaging.incoming.raw-records.heartbeat.interval.ms=1000",
                "-jar", jar.toString());
        ManagedProcess process = ManagedProcess.start(name, command, env, dir, dir.resolve("logs").resolve(name + ".log"));
        ports.put(process, port);
        return process;
    }

    private final Map<ManagedProcess, Integer> ports = new HashMap<>();

    private String readiness(ManagedProcess process) {
        return "http://127.0.0.1:" + ports.get(process) + "/q/health/ready";
    }

    private static void produce(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        Map<String, String> golden = goldenFields();
        String url = "http://landing/scale-" + UUID.randomUUID() + ".csv";
        try (KafkaProducer<String, RawRecord> producer = new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>())) {
            for (int n = 1; n <= RECORDS; n++) {
                Map<String, String> fields = new LinkedHashMap<>(golden);
                String showId = "s" + n;
                fields.put("show_id", showId);
                if (n % 10 == 0) {
                    fields.put("rating", "74 min");
                }
                Lineage lineage = new Lineage(url, "0x1", n, n + 1, "evt", Instant.now(), Instant.now());
                producer.send(new ProducerRecord<>(Topics.TITLES_RAW, showId,
                        new RawRecord(1, "id-" + n, Instant.now(), "titles", showId, fields, lineage)));
                if (n % 5_000 == 0) {
                    // Paced, so the stream is still flowing when an instance is killed.
                    producer.flush();
                    sleep(Duration.ofMillis(500));
                }
            }
        }
    }

    private static Map<String, String> goldenFields() {
        try {
            return Json.mapper().readValue(GoldenSamples.read(Topics.TITLES_RAW), RawRecord.class).fields();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void collect(KafkaConsumer<String, byte[]> consumer, Map<String, Integer> seen) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            try {
                String id = Json.mapper().readTree(record.value()).get("id").asText();
                seen.merge(id, 1, Integer::sum);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static KafkaConsumer<String, byte[]> committedReader(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "scale-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        return consumer;
    }
}
