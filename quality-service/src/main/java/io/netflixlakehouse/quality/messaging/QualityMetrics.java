package io.netflixlakehouse.quality.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netflixlakehouse.quality.domain.Decision;
import io.netflixlakehouse.quality.domain.QualityGate;
import io.netflixlakehouse.quality.domain.QualityFlow;
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
 * {@code lakehouse_quality_rule_evaluations_total{dataset,rule,outcome=passed|failed}},
 * {@code lakehouse_quality_records_routed_total{dataset,routing=validated|quarantined|dropped|stopped|held_back}}
 * and {@code lakehouse_quality_alerts_total{dataset,code}}. Records of a dataset without rules count under
 * {@code routing=quarantined} with their own dataset tag.
 */
@ApplicationScoped
public class QualityMetrics {

    static final String RULE_EVALUATIONS = "lakehouse.quality.rule.evaluations";
    static final String RECORDS_ROUTED = "lakehouse.quality.records.routed";
    static final String RECORDS_SKIPPED = "lakehouse.quality.records.skipped";
    static final String ALERTS = "lakehouse.quality.alerts";

    private final MeterRegistry registry;
    private final Map<String, DatasetCounters> byDataset = new HashMap<>();
    private final Counter tombstones;

    QualityMetrics(MeterRegistry registry, QualityGate gate) {
        this.registry = registry;
        for (RuleSet ruleSet : gate.ruleSets().values()) {
            byDataset.put(ruleSet.dataset(), new DatasetCounters(registry, ruleSet));
        }
        tombstones = Counter.builder(RECORDS_SKIPPED).description("Raw messages without a value, acknowledged and skipped")
                .tag("reason", "tombstone").register(registry);
    }

    /** Records a committed batch. */
    void record(QualityFlow.BatchResult result, int skipped) {
        for (Decision decision : result.decisions()) {
            record(decision);
        }
        result.heldBack().forEach((dataset, count) -> routed(dataset, "held_back").increment(count));
        if (skipped > 0) {
            tombstones.increment(skipped);
        }
    }

    void record(Decision decision) {
        Verdict verdict = verdictOf(decision);
        if (verdict == null) {
            // A dataset without rules: counted by its own name, found at run time.
            String dataset = ((Decision.Quarantined) decision).record().dataset();
            routed(String.valueOf(dataset), Routing.QUARANTINED.metricName()).increment();
            return;
        }
        DatasetCounters counters = byDataset.get(verdict.ruleSet().dataset());
        List<RuleOutcome> outcomes = verdict.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            (outcomes.get(i).failed() ? counters.failed[i] : counters.passed[i]).increment();
        }
        counters.routed.get(decision.routing()).increment();
    }

    void alert(String dataset) {
        Counter.builder(ALERTS).description("Alerts raised: a fail rule stopped a dataset's flow")
                .tag("dataset", dataset).tag("code", RawRecordRouter.ALERT_CODE).register(registry).increment();
    }

    private Counter routed(String dataset, String routing) {
        return Counter.builder(RECORDS_ROUTED).description("Records routed after their expectations")
                .tag("dataset", dataset).tag("routing", routing).register(registry);
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
