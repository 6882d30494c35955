package io.netflixlakehouse.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A record held back by an expectation: the raw values, why, and where it came from.
 *
 * @param schemaVersion version of this record's schema
 * @param id the raw record's id
 * @param eventTime when the record was quarantined
 * @param dataset the dataset name
 * @param key the dataset key (may be null: a missing key is a reason to quarantine)
 * @param fields the raw values, unchanged
 * @param lineage where the record came from
 * @param ruleSetVersion version of the rule set that judged it
 * @param failures every rule the record failed, in rule order
 */
public record QuarantineRecord(
        int schemaVersion,
        String id,
        Instant eventTime,
        String dataset,
        String key,
        Map<String, String> fields,
        Lineage lineage,
        String ruleSetVersion,
        List<RuleFailure> failures) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One failed expectation.
     *
     * @param rule the rule's name (the reason code)
     * @param expression the SQL boolean expression that did not hold
     * @param action what the rule does on failure (warn, drop, quarantine, fail)
     * @param values the record's values of the columns the rule reads
     */
    public record RuleFailure(String rule, String expression, String action, Map<String, String> values) {
    }
}
