package io.netflixlakehouse.quality.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiled expectations of one dataset, evaluated in a stable order: sorted by rule name.
 *
 * @param dataset the dataset name
 * @param version the rule-set version stamped on outputs
 * @param rules the rules, sorted by name
 */
public record RuleSet(String dataset, String version, List<CompiledRule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** Evaluates every rule (no short-circuit, so quarantine records list every failure). */
    public Verdict evaluate(Map<String, String> record) {
        List<RuleOutcome> outcomes = new ArrayList<>(rules.size());
        for (CompiledRule rule : rules) {
            outcomes.add(new RuleOutcome(rule, rule.evaluate(record)));
        }
        return new Verdict(this, outcomes);
    }
}
