package io.netflixlakehouse.launcher.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What {@code lake-writer report --json} says about the lake. Parsing is tolerant: a missing section is empty, a
 * field that is not a number is left out, unknown sections are ignored. Both shapes are read: a table as a number
 * or as {@code {"rows", "fingerprint", "path"}}; {@code quarantineByReason} or {@code quarantineReasons};
 * {@code overlap} or {@code silverQuarantineOverlap}; gold sums inside {@code reconciliation} or at the top level.
 *
 * @param tables rows per Delta table, in the report's order
 * @param quarantineByReason quarantined rows per failed rule
 * @param reconciliation the reconciliation counters (e.g. bronzeDistinctRecordIds, overlap, missing)
 * @param fingerprints a content hash per table, to compare two runs
 * @param tablePaths where each table is, when the report says
 */
public record LakeReport(
        Map<String, Long> tables,
        Map<String, Long> quarantineByReason,
        Map<String, Long> reconciliation,
        Map<String, String> fingerprints,
        Map<String, String> tablePaths) {

    /** Top-level counters that belong with the reconciliation. */
    private static final java.util.List<String> TOP_LEVEL_COUNTERS =
            java.util.List.of("goldContentCountSum", "silverTitleCountryPairs");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LakeReport {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        quarantineByReason = Collections.unmodifiableMap(new LinkedHashMap<>(quarantineByReason));
        reconciliation = Collections.unmodifiableMap(new LinkedHashMap<>(reconciliation));
        fingerprints = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprints));
        tablePaths = Collections.unmodifiableMap(new LinkedHashMap<>(tablePaths));
    }

    /**
     * Parses the report from a tool's standard output, which may carry log lines around the JSON object.
     *
     * @throws IllegalArgumentException when the output holds no JSON object
     */
    public static LakeReport parse(String output) {
        int start = output.indexOf('{');
        int end = output.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no JSON object in the report output");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(output.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the report output is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode tables = root.path("tables");
        Map<String, Long> reasons = numbers(root.path("quarantineByReason"));
        reasons.putAll(numbers(root.path("quarantineReasons")));
        Map<String, Long> reconciliation = numbers(root.path("reconciliation"));
        if (!reconciliation.containsKey("overlap") && reconciliation.containsKey("silverQuarantineOverlap")) {
            reconciliation.put("overlap", reconciliation.get("silverQuarantineOverlap"));
        }
        for (String counter : TOP_LEVEL_COUNTERS) {
            if (root.path(counter).isIntegralNumber()) {
                reconciliation.putIfAbsent(counter, root.path(counter).longValue());
            }
        }
        Map<String, String> fingerprints = texts(root.path("fingerprints"));
        fingerprints.putAll(nested(tables, "fingerprint"));
        Map<String, String> paths = nested(tables, "path");
        paths.putAll(nested(tables, "location"));
        return new LakeReport(numbers(tables), reasons, reconciliation, fingerprints, paths);
    }

    public OptionalLong table(String name) {
        Long value = tables.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    public OptionalLong counter(String name) {
        Long value = reconciliation.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static Map<String, Long> numbers(JsonNode node) {
        Map<String, Long> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isIntegralNumber()) {
                values.put(field.getKey(), value.longValue());
            } else if (value.isObject() && value.path("rows").isIntegralNumber()) {
                // Tolerates {"table": {"rows": n, ...}}.
                values.put(field.getKey(), value.path("rows").longValue());
            }
        });
        return values;
    }

    /** {@code {"table": {"field": "text"}}} as table to text. */
    private static Map<String, String> nested(JsonNode node, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().path(field);
            if (value.isValueNode() && !value.isNull()) {
                values.put(entry.getKey(), value.asText());
            }
        });
        return values;
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()) {
                values.put(field.getKey(), field.getValue().asText());
            }
        });
        return values;
    }
}
