package io.netflixlakehouse.lakewriter.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one baseline run wrote and how long each step took.
 *
 * @param rows records read from the CSV (= bronze rows)
 * @param quarantined records failing a quarantine rule
 * @param silver silver rows (one per show_id of the valid records)
 * @param gold gold groups
 * @param stepMillis wall time per step, in run order
 */
public record BaselineResult(long rows, long quarantined, long silver, long gold, Map<String, Long> stepMillis) {

    public BaselineResult {
        stepMillis = new LinkedHashMap<>(stepMillis);
    }

    /** One JSON object (no dependency: the values are numbers and fixed names). */
    public String toJson() {
        StringBuilder steps = new StringBuilder();
        stepMillis.forEach((step, millis) -> steps.append(steps.isEmpty() ? "" : ",")
                .append('"').append(step).append("\":").append(millis));
        return "{\"rows\":" + rows + ",\"quarantined\":" + quarantined + ",\"silver\":" + silver + ",\"gold\":" + gold
                + ",\"stepMillis\":{" + steps + "}}";
    }
}
