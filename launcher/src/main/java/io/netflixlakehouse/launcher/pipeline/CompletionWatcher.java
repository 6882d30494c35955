package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.domain.GroupLag;
import io.netflixlakehouse.launcher.domain.ManifestMatch;
import io.netflixlakehouse.launcher.kafka.GroupLagReader;
import io.netflixlakehouse.launcher.kafka.VisibleRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Waits for a dropped file to go all the way through: its FileIngested manifest first, then every consumer group
 * drained (lag 0 on its inputs, twice in a row one second apart).
 */
public final class CompletionWatcher {

    /** Polls in a row that must see every group drained. */
    static final int STABLE_POLLS = 2;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final Admin admin;
    private final Runnable liveness;
    private final Progress progress;

    /**
     * @param liveness throws when a process the pipeline needs has ended (checked on every poll)
     */
    public CompletionWatcher(String bootstrapServers, Admin admin, Runnable liveness, Progress progress) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.liveness = liveness;
        this.progress = progress;
    }

    /** The ingest outcome of a file that must not fail. */
    public static final class IngestFailedException extends RuntimeException {
        public IngestFailedException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@link Topics#INGEST_FILES} from the beginning until a manifest names {@code file}.
     *
     * @return the COMPLETED manifest
     * @throws IngestFailedException when the manifest says FAILED or SKIPPED
     */
    public FileIngested awaitManifest(Path file, Instant deadline) throws InterruptedException, TimeoutException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "lakehouse-launcher-manifests");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_FILES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int seen = 0;
            while (true) {
                liveness.run();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen++;
                    FileIngested manifest = parse(record);
                    if (manifest != null && ManifestMatch.matches(manifest.sourceUrl(), file)) {
                        return accept(manifest);
                    }
                }
                progress.update("ingest", "waiting for the manifest of " + file.getFileName()
                        + " (" + seen + " other manifest(s) seen)");
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("no manifest for " + file + " on " + Topics.INGEST_FILES
                            + " before the deadline");
                }
            }
        }
    }

    /**
     * Polls the lag of every group until all are zero on {@value #STABLE_POLLS} polls in a row.
     *
     * @return the last lags read
     */
    public Map<String, GroupLag> awaitDrained(List<GroupInputs> groups, Instant deadline)
            throws InterruptedException, TimeoutException {
        try (VisibleRecords probe = new VisibleRecords(bootstrapServers)) {
            return awaitDrained(groups, deadline, new GroupLagReader(admin, probe));
        }
    }

    private Map<String, GroupLag> awaitDrained(List<GroupInputs> groups, Instant deadline, GroupLagReader reader)
            throws InterruptedException, TimeoutException {
        int drainedPolls = 0;
        while (true) {
            liveness.run();
            Map<String, GroupLag> lags = new LinkedHashMap<>();
            for (GroupInputs inputs : groups) {
                lags.put(inputs.group(), reader.read(inputs));
            }
            boolean drained = lags.values().stream().allMatch(GroupLag::caughtUp);
            drainedPolls = drained ? drainedPolls + 1 : 0;
            progress.update("drain", drained
                    ? "every group at lag 0 (" + drainedPolls + "/" + STABLE_POLLS + ")"
                    : "lag " + lags.values().stream().map(GroupLag::toString).collect(Collectors.joining(", ")));
            if (drainedPolls >= STABLE_POLLS) {
                return lags;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("the pipeline did not drain before the deadline; lag "
                        + lags.values().stream().map(l -> l.group() + " " + l.lagByPartition())
                                .collect(Collectors.joining("; ")));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private FileIngested accept(FileIngested manifest) {
        if (manifest.status() == FileIngested.Status.COMPLETED) {
            return manifest;
        }
        throw new IngestFailedException("ingest of " + manifest.sourceUrl() + " ended " + manifest.status()
                + ": " + (manifest.reason() == null ? "no reason given" : manifest.reason()));
    }

    /** A manifest that is not valid JSON is skipped with a warning: it cannot be the one this run waits for. */
    private FileIngested parse(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(record.value(), FileIngested.class);
        } catch (IOException e) {
            progress.info("ingest", "skipping an unreadable manifest at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + e.getMessage());
            return null;
        }
    }
}
