package io.netflixlakehouse.launcher.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one consumer group is behind on its input partitions.
 *
 * <p>Ends are the last stable offsets (read_committed). A committed offset at or past the end is lag 0, never a
 * negative one. A partition without a committed offset is behind by its whole end offset. (Offsets also number
 * transaction markers; the reader moves a committed offset that only markers separate from the end to the end.)
 *
 * @param group the consumer group
 * @param lagByPartition records not yet committed, per partition
 */
public record GroupLag(String group, Map<PartitionKey, Long> lagByPartition) {

    public GroupLag {
        lagByPartition = Collections.unmodifiableMap(new TreeMap<>(lagByPartition));
    }

    /**
     * @param group the consumer group
     * @param stableEnds last stable offset of every input partition
     * @param committed the group's committed offsets (partitions may be missing)
     */
    public static GroupLag of(String group, Map<PartitionKey, Long> stableEnds, Map<PartitionKey, Long> committed) {
        Map<PartitionKey, Long> lag = new TreeMap<>();
        stableEnds.forEach((partition, end) -> {
            Long offset = committed.get(partition);
            long behind = offset == null ? end : end - offset;
            lag.put(partition, Math.max(0L, behind));
        });
        return new GroupLag(group, lag);
    }

    public long total() {
        return lagByPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean caughtUp() {
        return total() == 0L;
    }

    @Override
    public String toString() {
        return group + "=" + total();
    }
}
