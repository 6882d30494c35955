package io.netflixlakehouse.quality.domain;

/**
 * An expectation as configured: a name (the reason code), a SQL boolean expression, an action and an optional
 * group. The action is kept as text here and checked when the rule set is compiled; a rule without an action takes
 * its group's ({@link GroupForm}), a rule with both keeps its own.
 *
 * @param name the rule's name
 * @param expression the SQL boolean expression
 * @param action warn | drop | quarantine | fail, or null/blank to take the group's
 * @param group the group the rule belongs to, or null
 */
public record RuleDefinition(String name, String expression, String action, String group) {

    /** A rule outside any group. */
    public RuleDefinition(String name, String expression, String action) {
        this(name, expression, action, null);
    }
}
