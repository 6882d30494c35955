package io.netflixlakehouse.quality.domain;

import java.util.List;

/**
 * The expectations of one dataset.
 *
 * @param name dataset name as carried by raw records (e.g. {@code titles})
 * @param ruleSetVersion version stamped on every validated and quarantined record
 * @param columns the dataset's known columns; rules may read only these
 * @param rules the expectations, in any order (they are evaluated sorted by name)
 */
public record DatasetDefinition(String name, String ruleSetVersion, List<String> columns, List<RuleDefinition> rules) {

    public DatasetDefinition {
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
    }
}
