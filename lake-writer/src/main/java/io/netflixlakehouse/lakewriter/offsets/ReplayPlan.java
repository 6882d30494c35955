package io.netflixlakehouse.lakewriter.offsets;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How one streaming query starts.
 *
 * @param decision what the planner decided
 * @param generation the checkpoint generation to run (gen-N under the table's checkpoint folder)
 * @param startingOffsets per partition of the topic, the offset to start from when the generation
 *     has no checkpointed offsets yet ({@link #EARLIEST} = the log start); Spark ignores it when resuming
 * @param expectedGroupOffsets the group offsets this plan accounts for: recorded before the query starts
 * @param reason one line for the log
 */
public record ReplayPlan(
        Decision decision,
        int generation,
        SortedMap<Integer, Long> startingOffsets,
        SortedMap<Integer, Long> expectedGroupOffsets,
        String reason) {

    /** Spark's marker for "the earliest available offset" in a startingOffsets JSON. */
    public static final long EARLIEST = -2L;

    public ReplayPlan {
        startingOffsets = new TreeMap<>(startingOffsets);
        expectedGroupOffsets = new TreeMap<>(expectedGroupOffsets);
    }

    /** Whether this plan opens a new checkpoint generation. */
    public boolean newGeneration() {
        return decision != Decision.RESUME;
    }

    /** The startingOffsets option of Spark's Kafka source for {@code topic}. */
    public String startingOffsetsJson(String topic) {
        if (startingOffsets.values().stream().allMatch(o -> o == EARLIEST)) {
            return "earliest";
        }
        StringBuilder json = new StringBuilder("{\"").append(topic).append("\":{");
        boolean first = true;
        for (Map.Entry<Integer, Long> e : startingOffsets.entrySet()) {
            if (!first) {
                json.append(',');
            }
            json.append('"').append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
        return json.append("}}").toString();
    }

    /** What the planner decided. */
    public enum Decision {
        /** The group is where the lake-writer left it: continue the current checkpoint generation. */
        RESUME,
        /** The group was moved by someone else: re-read from the group's offsets in a new generation. */
        REPLAY,
        /** Nothing to continue: a new generation from the group's offsets if they are ours, else from the earliest. */
        START
    }
}
