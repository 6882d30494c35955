package io.netflixlakehouse.launcher.kafka;

import io.netflixlakehouse.launcher.domain.PartitionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Rewinds consumer groups to the earliest offsets of their input topics: the replay tool. Groups must be empty
 * (stop the services first).
 *
 * <p>A Kafka Streams application's internal topics ({@code <application.id>-...-repartition}) are left where they
 * are: replaying them on top of the retained state would apply their records twice, while replaying the input
 * topic re-derives them (the same rule as Kafka's streams reset tool, which never rewinds intermediate topics).
 */
public final class ConsumerGroupReset {

    /** How a non-empty group is handled. */
    public enum MemberPolicy {
        /** Fail with the group's state and members: something still consumes. */
        FAIL,
        /**
         * Evict the members the coordinator still lists. Only for members whose process is known to be gone (a
         * Kafka Streams client does not leave the group on close, so it lingers until its session times out).
         */
        REMOVE_STALE
    }

    private static final long TIMEOUT_SECONDS = 15;

    private final Admin admin;

    public ConsumerGroupReset(Admin admin) {
        this.admin = admin;
    }

    /**
     * Resets each group; returns the new offsets per group. A group that never committed has nothing to reset.
     *
     * @param awaitEmpty how long to wait for a group to become empty before applying {@code policy}
     */
    public Map<String, Map<PartitionKey, Long>> resetToEarliest(Collection<String> groups, MemberPolicy policy,
            Duration awaitEmpty) throws InterruptedException {
        Map<String, Map<PartitionKey, Long>> result = new LinkedHashMap<>();
        for (String group : groups) {
            result.put(group, resetGroup(group, policy, awaitEmpty));
        }
        return result;
    }

    private Map<PartitionKey, Long> resetGroup(String group, MemberPolicy policy, Duration awaitEmpty)
            throws InterruptedException {
        try {
            ensureEmpty(group, policy, awaitEmpty);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            committed.keySet().stream()
                    .filter(tp -> !isInternalTopic(group, tp.topic()))
                    .forEach(tp -> request.put(tp, OffsetSpec.earliest()));
            Map<PartitionKey, Long> reset = new TreeMap<>();
            if (request.isEmpty()) {
                return reset;
            }
            Map<TopicPartition, OffsetAndMetadata> earliest = new HashMap<>();
            admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> earliest.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            earliest.forEach((tp, offset) -> reset.put(GroupLagReader.key(tp), offset.offset()));
            return reset;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reset group " + group + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reset group " + group + ": the broker did not answer in time", e);
        }
    }

    /** Kafka Streams names its internal topics {@code <application.id>-<name>-repartition|changelog}. */
    static boolean isInternalTopic(String group, String topic) {
        return topic.startsWith(group + "-") && (topic.endsWith("-repartition") || topic.endsWith("-changelog"));
    }

    private void ensureEmpty(String group, MemberPolicy policy, Duration awaitEmpty)
            throws InterruptedException, ExecutionException, TimeoutException {
        Instant deadline = Instant.now().plus(awaitEmpty);
        while (true) {
            ConsumerGroupDescription description = describe(group);
            if (description == null || description.members().isEmpty()
                    && (description.groupState() == GroupState.EMPTY || description.groupState() == GroupState.DEAD)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                if (policy == MemberPolicy.REMOVE_STALE) {
                    admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions())
                            .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    policy = MemberPolicy.FAIL;
                    deadline = Instant.now().plus(Duration.ofSeconds(5));
                    continue;
                }
                throw new IllegalStateException("group " + group + " is not empty (state "
                        + description.groupState() + ", " + description.members().size()
                        + " member(s)): stop the services that consume it before resetting");
            }
            Thread.sleep(500);
        }
    }

    private ConsumerGroupDescription describe(String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeConsumerGroups(java.util.List.of(group)).describedGroups().get(group)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }
}
