package io.netflixlakehouse.lakewriter.offsets;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the lake-writer last committed to (or accounted for in) the consumer group for one topic:
 * the content of {@code <checkpoint-root>/<table>/group-offsets.json}.
 *
 * @param topic the topic
 * @param groupId the consumer group
 * @param generation the checkpoint generation that wrote it
 * @param batchId the micro-batch that wrote it; -1 when written at start by the planner
 * @param offsets partition to next offset to read (the Kafka committed-offset convention)
 */
public record RecordedOffsets(String topic, String groupId, int generation, long batchId, SortedMap<Integer, Long> offsets) {

    public RecordedOffsets {
        offsets = new TreeMap<>(offsets);
    }

    /**
     * A copy with the end offsets of micro-batch {@code newBatchId} replacing those of its partitions
     * (batches of one generation only move forward; a replay starts from what the planner recorded).
     */
    public RecordedOffsets advancedBy(long newBatchId, Map<Integer, Long> endOffsets) {
        SortedMap<Integer, Long> merged = new TreeMap<>(offsets);
        merged.putAll(endOffsets);
        return new RecordedOffsets(topic, groupId, generation, newBatchId, merged);
    }
}
