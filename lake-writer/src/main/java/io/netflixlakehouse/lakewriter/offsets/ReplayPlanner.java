package io.netflixlakehouse.lakewriter.offsets;

import io.netflixlakehouse.lakewriter.offsets.ReplayPlan.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Decides, per query at start, whether to resume the checkpoint or replay from the consumer group.
 *
 * <p>The group {@code lakehouse-lake-writer} is the user-facing position of the lake: after each
 * committed micro-batch the lake-writer commits the batch's end offsets to it and records them in
 * {@code group-offsets.json}. At start:
 * <ul>
 *   <li>group equals the record, or the group is empty and a checkpoint exists: RESUME the current generation;</li>
 *   <li>group differs from the record (someone reset it): REPLAY from the group's offsets in a new generation
 *       (partitions the group lacks from the earliest);</li>
 *   <li>no checkpoint: START a new generation, from the group's offsets when they are the recorded ones,
 *       from the earliest when the group is empty or its offsets were never recorded by this lake
 *       (they describe another lake: reading everything is the only way to make this one complete).</li>
 * </ul>
 * Every sink is idempotent, so re-reading offsets already in the lake never duplicates rows.
 */
public final class ReplayPlanner {

    private ReplayPlanner() {
    }

    /**
     * The plan for one topic.
     *
     * @param partitions the topic's partitions
     * @param groupOffsets the group's committed offsets for the topic (empty when none)
     * @param recorded what the lake-writer last recorded for the topic, if anything
     * @param latestGeneration the newest checkpoint generation on disk, if any
     */
    public static ReplayPlan plan(
            List<Integer> partitions,
            Map<Integer, Long> groupOffsets,
            Optional<RecordedOffsets> recorded,
            OptionalInt latestGeneration) {
        SortedMap<Integer, Long> group = onlyPartitions(groupOffsets, partitions);
        int next = latestGeneration.orElse(0) + 1;
        boolean groupIsOurs = recorded.map(r -> onlyPartitions(r.offsets(), partitions).equals(group)).orElse(false);

        if (latestGeneration.isPresent()) {
            int current = latestGeneration.getAsInt();
            if (group.isEmpty()) {
                return new ReplayPlan(Decision.RESUME, current, fromGroup(group, partitions), group,
                        "group has no offsets for the topic; resuming checkpoint gen-" + current);
            }
            if (groupIsOurs) {
                return new ReplayPlan(Decision.RESUME, current, fromGroup(group, partitions), group,
                        "group offsets " + group + " are the recorded ones; resuming checkpoint gen-" + current);
            }
            return new ReplayPlan(Decision.REPLAY, next, fromGroup(group, partitions), group,
                    "group offsets " + group + " differ from the recorded "
                            + recorded.map(r -> r.offsets().toString()).orElse("(none)")
                            + "; replaying from the group in gen-" + next);
        }
        if (group.isEmpty()) {
            return new ReplayPlan(Decision.START, next, earliest(partitions), group,
                    "no checkpoint and no group offsets; starting gen-" + next + " from the earliest offsets");
        }
        if (groupIsOurs) {
            return new ReplayPlan(Decision.START, next, fromGroup(group, partitions), group,
                    "no checkpoint; group offsets " + group + " are the recorded ones; starting gen-" + next
                            + " from them");
        }
        if (recorded.isPresent()) {
            return new ReplayPlan(Decision.REPLAY, next, fromGroup(group, partitions), group,
                    "no checkpoint; group offsets " + group + " differ from the recorded " + recorded.get().offsets()
                            + "; replaying from the group in gen-" + next);
        }
        return new ReplayPlan(Decision.START, next, earliest(partitions), group,
                "no checkpoint and no recorded offsets; group offsets " + group
                        + " do not describe this lake; starting gen-" + next + " from the earliest offsets");
    }

    private static SortedMap<Integer, Long> fromGroup(Map<Integer, Long> group, List<Integer> partitions) {
        SortedMap<Integer, Long> start = new TreeMap<>();
        for (Integer p : partitions) {
            start.put(p, group.getOrDefault(p, ReplayPlan.EARLIEST));
        }
        return start;
    }

    private static SortedMap<Integer, Long> earliest(List<Integer> partitions) {
        return fromGroup(Map.of(), partitions);
    }

    private static SortedMap<Integer, Long> onlyPartitions(Map<Integer, Long> offsets, List<Integer> partitions) {
        SortedMap<Integer, Long> kept = new TreeMap<>();
        offsets.forEach((p, o) -> {
            if (partitions.contains(p)) {
                kept.put(p, o);
            }
        });
        return kept;
    }
}
