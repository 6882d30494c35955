package io.netflixlakehouse.lakewriter.cli;

import io.netflixlakehouse.lakewriter.config.Durations;
import io.netflixlakehouse.lakewriter.config.MalformedRecordPolicy;
import io.netflixlakehouse.lakewriter.config.StreamSettings;
import io.netflixlakehouse.lakewriter.job.LakeWriterJob;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.job.WarmUp;
import io.netflixlakehouse.lakewriter.offsets.KafkaConsumerGroupOffsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stream}: runs the four streaming queries until SIGTERM / SIGINT, then stops them gracefully. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Stream the raw, quarantine, curated and gold topics into Delta tables until SIGTERM.")
final class StreamCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);

    @Mixin
    LakeOptions lake;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS, default 127.0.0.1:9092).")
    String bootstrapServers;

    @Option(names = "--checkpoint-root", description = "Checkpoints and recorded group offsets (default <lake-root>/_checkpoints).")
    Path checkpointRoot;

    @Option(names = "--group-id", defaultValue = "lakehouse-lake-writer",
            description = "Consumer group mirroring the lake's position (default ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--trigger-interval", defaultValue = "500ms",
            description = "Micro-batch interval: 500ms, 2s, 1m (default ${DEFAULT-VALUE}).")
    String triggerInterval;

    @Option(names = "--max-offsets-per-trigger", defaultValue = "100000",
            description = "Most records per micro-batch and topic (default ${DEFAULT-VALUE}).")
    long maxOffsetsPerTrigger;

    @Option(names = "--min-offsets-per-trigger", defaultValue = "50000",
            description = "Records a bronze, gold or quality-events micro-batch waits for, at most --max-trigger-delay"
                    + " (silver and quarantine start at once; default ${DEFAULT-VALUE}).")
    long minOffsetsPerTrigger;

    @Option(names = "--max-trigger-delay", defaultValue = "5s",
            description = "Longest wait for --min-offsets-per-trigger once records are there (default ${DEFAULT-VALUE}).")
    String maxTriggerDelay;

    @Option(names = "--bulk-grace", defaultValue = "1s",
            description = "How long a bronze, gold or quality-events batch first waits for a silver or quarantine"
                    + " batch of the same records to start (0: no wait; default ${DEFAULT-VALUE}).")
    String bulkGrace;

    @Option(names = "--bulk-max-yield", defaultValue = "10s",
            description = "Longest a bronze, gold or quality-events batch waits in all while silver or quarantine"
                    + " batches run (0: never; default ${DEFAULT-VALUE}).")
    String bulkMaxYield;

    @Option(names = "--fail-on-data-loss", defaultValue = "true", arity = "1",
            description = "Fail when offsets to read were deleted by retention (default ${DEFAULT-VALUE}).")
    boolean failOnDataLoss;

    @Option(names = "--on-malformed", defaultValue = "FAIL",
            description = "Values that do not parse: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    MalformedRecordPolicy onMalformed;

    @Option(names = "--warm-up-records", defaultValue = "${env:LAKE_WRITER_WARM_UP_RECORDS:-20000}",
            description = "Generated records per table written through each table's writer into a scratch lake"
                    + " (then deleted) before the queries start, so the first files meet compiled code"
                    + " (env LAKE_WRITER_WARM_UP_RECORDS; 0: no warm-up; default ${DEFAULT-VALUE}).")
    int warmUpRecords;

    @Override
    public Integer call() throws Exception {
        Path lakeRoot = lake.requireLakeRoot();
        Durations.parse(triggerInterval, "--trigger-interval");
        Durations.parse(maxTriggerDelay, "--max-trigger-delay");
        StreamSettings settings = new StreamSettings(bootstrapServers, lakeRoot,
                checkpointRoot != null ? checkpointRoot : lakeRoot.resolve("_checkpoints"), groupId,
                triggerInterval, lake.master, maxOffsetsPerTrigger, minOffsetsPerTrigger, maxTriggerDelay,
                Durations.parseNonNegative(bulkGrace, "--bulk-grace"),
                Durations.parseNonNegative(bulkMaxYield, "--bulk-max-yield"), failOnDataLoss, onMalformed);

        StopSignal stop = StopSignal.install();
        SparkSession spark = SparkSessions.create(settings.master(), "lakehouse-lake-writer");
        try {
            warmUp(spark);
            try (KafkaConsumerGroupOffsets group = KafkaConsumerGroupOffsets.connect(settings.bootstrapServers());
                    LakeWriterJob job = LakeWriterJob.start(spark, group, settings)) {
                stop.onShutdown(job::stop);
                LOG.info("lake-writer streaming into {} (checkpoints {}, group {})",
                        settings.lakeRoot(), settings.checkpointRoot(), settings.groupId());
                job.awaitUntil(stop::requested);
                LOG.info("stop requested: finishing running micro-batches");
            }
        } finally {
            spark.stop();
        }
        LOG.info("lake-writer stopped");
        return 0;
    }

    /** Best effort: a failed warm-up only leaves the code cold; it never touches the lake or the topics. */
    private void warmUp(SparkSession spark) {
        if (warmUpRecords <= 0) {
            return;
        }
        try {
            WarmUp.Outcome outcome = WarmUp.run(spark, Path.of(System.getProperty("java.io.tmpdir")), warmUpRecords);
            LOG.info("warm-up: {} generated records per table through each table's writer in {} ms (scratch rows {})",
                    outcome.recordsPerTable(), outcome.millis(), outcome.rows());
        } catch (RuntimeException e) {
            LOG.warn("reason=WARM_UP_FAILED the writers start cold: {}", e.toString(), e);
        }
    }
}
