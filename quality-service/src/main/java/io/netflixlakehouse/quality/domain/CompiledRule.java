package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.quality.domain.sql.CompiledExpression;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expectation ready to evaluate: its expression was parsed and compiled once, at start-up.
 *
 * @param name the rule's name (the reason code)
 * @param action what a failure does (the rule's own, or its group's)
 * @param expression the compiled expression
 * @param group the rule's group, or null
 */
public record CompiledRule(String name, Action action, CompiledExpression expression, String group) {

    /** A rule outside any group. */
    public CompiledRule(String name, Action action, CompiledExpression expression) {
        this(name, action, expression, null);
    }

    public String source() {
        return expression.source();
    }

    /** The columns the rule reads. */
    public List<String> columns() {
        return expression.columns();
    }

    /** TRUE, FALSE, or null (SQL NULL). */
    public Boolean evaluate(Map<String, String> record) {
        return expression.evaluate(record);
    }

    /** The record's values of the columns this rule reads (nulls kept), for a quarantine reason. */
    public Map<String, String> valuesIn(Map<String, String> record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : expression.columns()) {
            values.put(column, record.get(column));
        }
        return Collections.unmodifiableMap(values);
    }
}
