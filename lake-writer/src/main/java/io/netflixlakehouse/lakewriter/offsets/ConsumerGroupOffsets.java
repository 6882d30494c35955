package io.netflixlakehouse.lakewriter.offsets;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The consumer-group operations the lake-writer needs from Kafka. */
public interface ConsumerGroupOffsets extends AutoCloseable {

    /** The partitions of {@code topic}; fails when the topic does not exist. */
    List<Integer> partitions(String topic);

    /** The offsets {@code groupId} has committed for {@code topic} (empty when none). */
    SortedMap<Integer, Long> committed(String groupId, String topic);

    /** Commits {@code offsets} of {@code topic} to {@code groupId}. */
    void commit(String groupId, String topic, Map<Integer, Long> offsets);

    @Override
    void close();
}
