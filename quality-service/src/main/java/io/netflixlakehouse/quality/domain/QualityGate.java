package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Judges raw records against their dataset's expectations and builds the output record. */
public final class QualityGate {

    /** Reason of a record whose dataset has no rule set. */
    public static final String UNKNOWN_DATASET = "unknown_dataset";
    /** Reason of a record held back because its dataset's flow was stopped by a {@code fail} rule. */
    public static final String DATASET_STOPPED = "dataset_stopped";

    private final Map<String, RuleSet> ruleSets;
    private final Clock clock;

    public QualityGate(Collection<RuleSet> ruleSets, Clock clock) {
        this.ruleSets = ruleSets.stream().collect(Collectors.toUnmodifiableMap(RuleSet::dataset, Function.identity()));
        this.clock = clock;
    }

    public Map<String, RuleSet> ruleSets() {
        return ruleSets;
    }

    /**
     * Judges one record. A record of a dataset without a rule set is quarantined with reason
     * {@value #UNKNOWN_DATASET} (never dropped silently); a record failing a {@code fail} rule is quarantined too,
     * and the decision carries the alert that stops the dataset's flow.
     */
    public Decision judge(RawRecord raw) {
        RuleSet ruleSet = ruleSets.get(raw.dataset());
        Map<String, String> fields = raw.fields() == null ? Map.of() : raw.fields();
        Instant now = clock.instant();
        if (ruleSet == null) {
            QuarantineRecord.RuleFailure failure = new QuarantineRecord.RuleFailure(UNKNOWN_DATASET,
                    "dataset IN (" + String.join(", ", ruleSets.keySet().stream().sorted().toList()) + ")",
                    Action.QUARANTINE.configName(), Collections.singletonMap("dataset", raw.dataset()));
            return new Decision.Quarantined(quarantine(raw, fields, now, null, List.of(failure)), null, Routing.QUARANTINED);
        }
        Verdict verdict = ruleSet.evaluate(fields);
        Routing routing = verdict.routing();
        return switch (routing) {
            case VALIDATED -> new Decision.Validated(new ValidatedRecord(ValidatedRecord.SCHEMA_VERSION, raw.id(), now,
                    raw.dataset(), raw.key(), fields, raw.lineage(), ruleSet.version(), verdict.warnings()), verdict);
            case QUARANTINED, DROPPED -> new Decision.Quarantined(
                    quarantine(raw, fields, now, ruleSet.version(), failures(verdict, fields)), verdict, routing);
            case STOPPED -> new Decision.Stopped(quarantine(raw, fields, now, ruleSet.version(), failures(verdict, fields)),
                    verdict, stop(ruleSet, verdict, raw, fields));
        };
    }

    /** A record held back because its dataset's flow was stopped by a {@code fail} rule earlier. */
    public QuarantineRecord heldBack(RawRecord raw, FlowStoppedException stoppedBy) {
        RuleSet ruleSet = ruleSets.get(raw.dataset());
        Map<String, String> fields = raw.fields() == null ? Map.of() : raw.fields();
        QuarantineRecord.RuleFailure failure = new QuarantineRecord.RuleFailure(DATASET_STOPPED, stoppedBy.getMessage(),
                Action.FAIL.configName(), Map.of());
        return quarantine(raw, fields, clock.instant(), ruleSet == null ? null : ruleSet.version(), List.of(failure));
    }

    private static QuarantineRecord quarantine(RawRecord raw, Map<String, String> fields, Instant now, String version,
            List<QuarantineRecord.RuleFailure> failures) {
        return new QuarantineRecord(QuarantineRecord.SCHEMA_VERSION, raw.id(), now, raw.dataset(), raw.key(), fields,
                raw.lineage(), version, failures);
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

    static String describe(RawRecord raw) {
        Lineage lineage = raw.lineage();
        String where = lineage == null ? "unknown source"
                : "url " + lineage.sourceUrl() + " (eTag " + lineage.eTag() + ", record " + lineage.recordNumber()
                        + ", line " + lineage.lineNumber() + ")";
        return "record id " + raw.id() + ", key " + raw.key() + ", " + where;
    }
}
