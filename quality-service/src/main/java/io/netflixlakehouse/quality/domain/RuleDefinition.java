package io.netflixlakehouse.quality.domain;

/**
 * An expectation as configured: a name (the reason code), a SQL boolean expression and an action.
 * The action is kept as text here and checked when the rule set is compiled.
 */
public record RuleDefinition(String name, String expression, String action) {
}
