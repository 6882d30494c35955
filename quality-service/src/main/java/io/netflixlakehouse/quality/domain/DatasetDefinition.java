package io.netflixlakehouse.quality.domain;

import java.util.List;
import java.util.Map;

/**
 * The expectations of one dataset.
 *
 * @param name dataset name as carried by raw records (e.g. {@code titles})
 * @param ruleSetVersion version stamped on every validated and quarantined record and quality event
 * @param columns the dataset's known columns; rules may read only these
 * @param rules the expectations, in any order (they are evaluated sorted by name)
 * @param groups rule groups by name, each with its form as configured ({@code expect_all}, {@code expect_all_or_drop},
 *     {@code expect_all_or_quarantine}, {@code expect_all_or_fail})
 */
public record DatasetDefinition(String name, String ruleSetVersion, List<String> columns, List<RuleDefinition> rules,
        Map<String, String> groups) {

    public DatasetDefinition {
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
        groups = Map.copyOf(groups);
    }

    /** A dataset without rule groups. */
    public DatasetDefinition(String name, String ruleSetVersion, List<String> columns, List<RuleDefinition> rules) {
        this(name, ruleSetVersion, columns, rules, Map.of());
    }
}
