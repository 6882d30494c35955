package io.netflixlakehouse.lakewriter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Validated settings of the {@code stream} command.
 *
 * @param bootstrapServers Kafka bootstrap servers (HOST:PORT[,HOST:PORT])
 * @param lakeRoot folder holding the Delta tables
 * @param checkpointRoot folder holding each table's checkpoint generations and recorded group offsets
 * @param groupId the consumer group whose committed offsets mirror what the lake holds
 * @param triggerInterval micro-batch interval, Spark syntax (e.g. {@code 2 seconds})
 * @param master Spark master URL
 * @param maxOffsetsPerTrigger cap on records per micro-batch and topic
 * @param minOffsetsPerTrigger records a micro-batch of a table that is not {@link LakeTable#eager} waits for
 * @param maxTriggerDelay the longest such a table waits for them once a record is there, Spark syntax
 * @param bulkGrace how long a batch of such a table first waits for an eager table's batch to start
 *     ({@code EagerFirst}); zero: no wait
 * @param bulkMaxYield the longest it waits for eager batches in all; zero: never
 * @param failOnDataLoss fail a query when offsets it must read are gone (retention), instead of skipping them
 * @param malformedPolicy what to do with values that do not parse
 */
public record StreamSettings(
        String bootstrapServers,
        Path lakeRoot,
        Path checkpointRoot,
        String groupId,
        String triggerInterval,
        String master,
        long maxOffsetsPerTrigger,
        long minOffsetsPerTrigger,
        String maxTriggerDelay,
        Duration bulkGrace,
        Duration bulkMaxYield,
        boolean failOnDataLoss,
        MalformedRecordPolicy malformedPolicy) {

    public StreamSettings {
        requireText(bootstrapServers, "--bootstrap-servers (env KAFKA_BOOTSTRAP_SERVERS)");
        Objects.requireNonNull(lakeRoot, "--lake-root (env LAKEHOUSE_LAKE_ROOT) is required");
        Objects.requireNonNull(checkpointRoot, "--checkpoint-root is required");
        requireText(groupId, "--group-id");
        requireText(triggerInterval, "--trigger-interval");
        requireText(master, "--master");
        if (maxOffsetsPerTrigger < 1) {
            throw new IllegalArgumentException("--max-offsets-per-trigger must be >= 1, was " + maxOffsetsPerTrigger);
        }
        if (minOffsetsPerTrigger < 1 || minOffsetsPerTrigger > maxOffsetsPerTrigger) {
            throw new IllegalArgumentException("--min-offsets-per-trigger must be between 1 and --max-offsets-per-trigger ("
                    + maxOffsetsPerTrigger + "), was " + minOffsetsPerTrigger);
        }
        requireText(maxTriggerDelay, "--max-trigger-delay");
        requireNonNegative(bulkGrace, "--bulk-grace");
        requireNonNegative(bulkMaxYield, "--bulk-max-yield");
        Objects.requireNonNull(malformedPolicy, "--on-malformed is required");
    }

    private static void requireNonNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or more, was " + value);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
