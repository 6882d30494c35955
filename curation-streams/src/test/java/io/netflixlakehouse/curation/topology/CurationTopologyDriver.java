package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.curation.domain.GoldDelta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology ({@link CurationTopology#build}) in a {@link TopologyTestDriver}, run with
 * the production Kafka Streams settings: every {@code kafka-streams.*} key of application.properties
 * (exactly-once, failure handlers) is applied.
 */
final class CurationTopologyDriver implements AutoCloseable {

    static final CurationTopics TOPICS = CurationTopics.defaults();
    private static final Path STATE_ROOT = Path.of("target", "topology-test-state");

    final TopologyTestDriver driver;
    final TestInputTopic<String, ValidatedRecord> validated;
    final TestInputTopic<String, byte[]> validatedBytes;
    final TestOutputTopic<String, CuratedTitle> curated;
    final TestOutputTopic<String, GoldTitleAggregate> gold;
    /** The internal repartition topic: the deltas the title-contributions step sends to the group aggregate. */
    final TestOutputTopic<String, GoldDelta> deltas;

    /** Latest gold value per group key, as a compacted topic would keep it (null = deleted). */
    private final Map<String, GoldTitleAggregate> goldLatest = new LinkedHashMap<>();

    private final Path stateDir;

    /** State lives under target/ (not the OS temp dir, which Kafka Streams warns about) and is removed on close. */
    CurationTopologyDriver() {
        this(CurationTopology.build(TOPICS, CurationSerdes.standard()));
    }

    CurationTopologyDriver(Topology topology) {
        try {
            Files.createDirectories(STATE_ROOT);
            stateDir = Files.createTempDirectory(STATE_ROOT, "ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CurationSerdes serdes = CurationSerdes.standard();
        Properties properties = productionStreamsProperties(stateDir);
        driver = new TopologyTestDriver(topology, properties);
        validated = driver.createInputTopic(TOPICS.validated(), serdes.key().serializer(), serdes.validated().serializer());
        validatedBytes = driver.createInputTopic(TOPICS.validated(), serdes.key().serializer(), new ByteArraySerializer());
        curated = driver.createOutputTopic(TOPICS.curated(), serdes.key().deserializer(), serdes.curated().deserializer());
        gold = driver.createOutputTopic(TOPICS.gold(), serdes.key().deserializer(), serdes.gold().deserializer());
        String groupsRepartition = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-"
                + CurationTopology.GROUPS_REPARTITION + "-repartition";
        deltas = driver.createOutputTopic(groupsRepartition, serdes.key().deserializer(), serdes.delta().deserializer());
    }

    void pipe(ValidatedRecord record, Instant timestamp) {
        validated.pipeInput(record.key(), record, timestamp);
    }

    /** Reads the new gold records and returns the latest value of every group seen so far. */
    Map<String, GoldTitleAggregate> goldTable() {
        for (TestRecord<String, GoldTitleAggregate> record : gold.readRecordsToList()) {
            goldLatest.put(record.key(), record.value());
        }
        return goldLatest;
    }

    /** The groups that currently exist (tombstoned groups left out). */
    Map<String, GoldTitleAggregate> liveGroups() {
        Map<String, GoldTitleAggregate> live = new LinkedHashMap<>();
        goldTable().forEach((key, value) -> {
            if (value != null) {
                live.put(key, value);
            }
        });
        return live;
    }

    static Properties productionStreamsProperties(Path stateDir) {
        Properties application = new Properties();
        try (InputStream in = CurationTopologyDriver.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties streams = new Properties();
        String prefix = "kafka-streams.";
        application.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(name -> streams.setProperty(name.substring(prefix.length()), application.getProperty(name)));
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "curation-test-" + UUID.randomUUID());
        streams.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        streams.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // No default serdes: a step without an explicit serde fails the test instead of falling back.
        streams.remove(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG);
        streams.remove(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG);
        return streams;
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
