package io.netflixlakehouse.quality.domain;

import java.util.List;
import java.util.Optional;

/**
 * Every rule's outcome on one record, in rule order, and the routing they imply: a failed {@code fail}
 * rule stops; else a failed {@code quarantine} rule quarantines; else a failed {@code drop} rule drops
 * (to the quarantine topic too); else the record is validated, with failed {@code warn} rules as warnings.
 */
public record Verdict(RuleSet ruleSet, List<RuleOutcome> outcomes) {

    public Verdict {
        outcomes = List.copyOf(outcomes);
    }

    public List<RuleOutcome> failures() {
        return outcomes.stream().filter(RuleOutcome::failed).toList();
    }

    public List<String> warnings() {
        return outcomes.stream().filter(o -> o.failed() && o.rule().action() == Action.WARN).map(o -> o.rule().name()).toList();
    }

    public Routing routing() {
        boolean quarantine = false;
        boolean drop = false;
        for (RuleOutcome outcome : outcomes) {
            if (!outcome.failed()) {
                continue;
            }
            switch (outcome.rule().action()) {
                case FAIL -> {
                    return Routing.STOPPED;
                }
                case QUARANTINE -> quarantine = true;
                case DROP -> drop = true;
                case WARN -> {
                    // kept, reported in warnings
                }
            }
        }
        if (quarantine) {
            return Routing.QUARANTINED;
        }
        return drop ? Routing.DROPPED : Routing.VALIDATED;
    }

    /** The first failed {@code fail} rule, if any. */
    public Optional<RuleOutcome> firstFatalFailure() {
        return outcomes.stream().filter(o -> o.failed() && o.rule().action() == Action.FAIL).findFirst();
    }
}
