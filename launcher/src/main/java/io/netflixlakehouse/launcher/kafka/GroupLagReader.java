package io.netflixlakehouse.launcher.kafka;

import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.domain.GroupLag;
import io.netflixlakehouse.launcher.domain.PartitionKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a group's lag with the Admin API: committed offsets first, end offsets second, so a zero lag means the
 * group had committed everything that existed when the ends were read (a conservative snapshot).
 *
 * <p>With a {@link VisibleRecords} probe, a partition a few offsets short of its end is read to tell records from
 * transaction markers: a group whose remaining offsets hold only markers has nothing left and is caught up.
 */
public final class GroupLagReader {

    /** Gaps up to this size are probed; a bigger gap is real work left whatever it holds. */
    static final long PROBE_MAX_GAP = 10;
    private static final long TIMEOUT_SECONDS = 15;

    private final Admin admin;
    private final VisibleRecords probe;

    /** Lag by offsets only: a trailing transaction marker counts as one. */
    public GroupLagReader(Admin admin) {
        this(admin, null);
    }

    public GroupLagReader(Admin admin, VisibleRecords probe) {
        this.admin = admin;
        this.probe = probe;
    }

    public GroupLag read(GroupInputs inputs) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(inputs.group())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> topics = new LinkedHashSet<>(inputs.topics());
            if (inputs.includeCommittedTopics()) {
                committed.keySet().forEach(tp -> topics.add(tp.topic()));
            }
            Map<PartitionKey, Long> ends = stableEnds(topics);
            Map<PartitionKey, Long> offsets = new HashMap<>();
            committed.forEach((tp, offset) -> {
                if (offset != null) {
                    offsets.put(key(tp), offset.offset());
                }
            });
            if (probe != null) {
                skipTrailingMarkers(ends, offsets);
            }
            return GroupLag.of(inputs.group(), ends, offsets);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the lag of group " + inputs.group() + ": " + e.getMessage(), e);
        }
    }

    /** Last stable offset (read_committed) of every partition of {@code topics}. */
    public Map<PartitionKey, Long> stableEnds(Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((name, description) -> description.partitions()
                        .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<PartitionKey, Long> ends = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(key(tp), info.offset()));
        return ends;
    }

    /** Moves a committed offset to the end when only transaction markers lie between them. */
    private void skipTrailingMarkers(Map<PartitionKey, Long> ends, Map<PartitionKey, Long> offsets) {
        offsets.replaceAll((partition, offset) -> {
            Long end = ends.get(partition);
            if (end == null || end - offset <= 0 || end - offset > PROBE_MAX_GAP) {
                return offset;
            }
            TopicPartition tp = new TopicPartition(partition.topic(), partition.partition());
            return probe.count(tp, offset, end) == 0 ? end : offset;
        });
    }

    static PartitionKey key(TopicPartition tp) {
        return new PartitionKey(tp.topic(), tp.partition());
    }
}
