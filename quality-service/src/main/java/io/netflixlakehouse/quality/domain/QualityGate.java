package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Judges raw records against their dataset's expectations and builds the output record. */
public final class QualityGate {

    private final Map<String, RuleSet> ruleSets;
    private final Clock clock;

    public QualityGate(Collection<RuleSet> ruleSets, Clock clock) {
        this.ruleSets = ruleSets.stream().collect(Collectors.toUnmodifiableMap(RuleSet::dataset, Function.identity()));
        this.clock = clock;
    }

    public Map<String, RuleSet> ruleSets() {
        return ruleSets;
    }

    public Decision judge(RawRecord raw) {
        RuleSet ruleSet = ruleSets.get(raw.dataset());
        if (ruleSet == null) {
            return new Decision.Stopped(null, new FlowStoppedException(StopReason.UNKNOWN_DATASET,
                    "no expectations are configured for dataset '" + raw.dataset() + "' (configured: "
                            + String.join(", ", ruleSets.keySet()) + "); " + describe(raw)));
        }
        Map<String, String> fields = raw.fields() == null ? Map.of() : raw.fields();
        Verdict verdict = ruleSet.evaluate(fields);
        Routing routing = verdict.routing();
        Instant now = clock.instant();
        return switch (routing) {
            case VALIDATED -> new Decision.Validated(new ValidatedRecord(ValidatedRecord.SCHEMA_VERSION, raw.id(), now,
                    raw.dataset(), raw.key(), fields, raw.lineage(), ruleSet.version(), verdict.warnings()), verdict);
            case QUARANTINED, DROPPED -> new Decision.Quarantined(new QuarantineRecord(QuarantineRecord.SCHEMA_VERSION,
                    raw.id(), now, raw.dataset(), raw.key(), fields, raw.lineage(), ruleSet.version(),
                    failures(verdict, fields)), verdict, routing);
            case STOPPED -> new Decision.Stopped(verdict, stop(ruleSet, verdict, raw, fields));
        };
    }

    private static List<QuarantineRecord.RuleFailure> failures(Verdict verdict, Map<String, String> fields) {
        return verdict.failures().stream()
                .map(o -> new QuarantineRecord.RuleFailure(o.rule().name(), o.rule().source(), o.rule().action().configName(),
                        o.rule().valuesIn(fields)))
                .toList();
    }

    private static FlowStoppedException stop(RuleSet ruleSet, Verdict verdict, RawRecord raw, Map<String, String> fields) {
        CompiledRule rule = verdict.firstFatalFailure().orElseThrow().rule();
        return new FlowStoppedException(StopReason.EXPECTATION_FAILED,
                "dataset '" + ruleSet.dataset() + "' (rule set " + ruleSet.version() + "): rule '" + rule.name()
                        + "' (action fail) is FALSE for " + describe(raw) + "; expression `" + rule.source()
                        + "` read " + rule.valuesIn(fields));
    }

    private static String describe(RawRecord raw) {
        Lineage lineage = raw.lineage();
        String where = lineage == null ? "unknown source"
                : "url " + lineage.sourceUrl() + " (eTag " + lineage.eTag() + ", record " + lineage.recordNumber()
                        + ", line " + lineage.lineNumber() + ")";
        return "record id " + raw.id() + ", key " + raw.key() + ", " + where;
    }
}
