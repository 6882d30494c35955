package io.netflixlakehouse.quality.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netflixlakehouse.quality.domain.Decision;
import io.netflixlakehouse.quality.domain.QualityGate;
import io.netflixlakehouse.quality.domain.Routing;
import io.netflixlakehouse.quality.domain.RuleOutcome;
import io.netflixlakehouse.quality.domain.RuleSet;
import io.netflixlakehouse.quality.domain.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters registered once per rule and routing, so recording a record costs array lookups:
 * {@code lakehouse_quality_rule_evaluations_total{dataset,rule,outcome=passed|failed}} and
 * {@code lakehouse_quality_records_routed_total{dataset,routing=validated|quarantined|dropped|stopped}}.
 */
@ApplicationScoped
public class QualityMetrics {

    static final String RULE_EVALUATIONS = "lakehouse.quality.rule.evaluations";
    static final String RECORDS_ROUTED = "lakehouse.quality.records.routed";
    static final String RECORDS_SKIPPED = "lakehouse.quality.records.skipped";

    private final Map<String, DatasetCounters> byDataset = new HashMap<>();
    private final Counter tombstones;

    QualityMetrics(MeterRegistry registry, QualityGate gate) {
        for (RuleSet ruleSet : gate.ruleSets().values()) {
            byDataset.put(ruleSet.dataset(), new DatasetCounters(registry, ruleSet));
        }
        tombstones = Counter.builder(RECORDS_SKIPPED).description("Raw messages without a value, acknowledged and skipped")
                .tag("reason", "tombstone").register(registry);
    }

    void record(Decision decision) {
        Verdict verdict = verdictOf(decision);
        if (verdict == null) {
            return;
        }
        DatasetCounters counters = byDataset.get(verdict.ruleSet().dataset());
        List<RuleOutcome> outcomes = verdict.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            (outcomes.get(i).failed() ? counters.failed[i] : counters.passed[i]).increment();
        }
        counters.routed.get(decision.routing()).increment();
    }

    void tombstone() {
        tombstones.increment();
    }

    private static Verdict verdictOf(Decision decision) {
        if (decision instanceof Decision.Validated v) {
            return v.verdict();
        }
        if (decision instanceof Decision.Quarantined q) {
            return q.verdict();
        }
        return ((Decision.Stopped) decision).verdict();
    }

    private static final class DatasetCounters {
        final Counter[] passed;
        final Counter[] failed;
        final Map<Routing, Counter> routed = new EnumMap<>(Routing.class);

        DatasetCounters(MeterRegistry registry, RuleSet ruleSet) {
            int n = ruleSet.rules().size();
            passed = new Counter[n];
            failed = new Counter[n];
            for (int i = 0; i < n; i++) {
                String rule = ruleSet.rules().get(i).name();
                passed[i] = ruleCounter(registry, ruleSet.dataset(), rule, "passed");
                failed[i] = ruleCounter(registry, ruleSet.dataset(), rule, "failed");
            }
            for (Routing routing : Routing.values()) {
                routed.put(routing, Counter.builder(RECORDS_ROUTED).description("Records routed after their expectations")
                        .tag("dataset", ruleSet.dataset()).tag("routing", routing.metricName()).register(registry));
            }
        }

        private static Counter ruleCounter(MeterRegistry registry, String dataset, String rule, String outcome) {
            return Counter.builder(RULE_EVALUATIONS).description("Expectation outcomes; a NULL result counts as passed")
                    .tag("dataset", dataset).tag("rule", rule).tag("outcome", outcome).register(registry);
        }
    }
}
