package io.netflixlakehouse.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.QuarantineRecord.RuleFailure;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.quality.GoldenTitle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Lineage LINEAGE = new Lineage("http://127.0.0.1:10000/devstoreaccount1/landing/netflix_titles.csv",
            "0x8DC", 42, 43, "evt-1", Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T09:00:01Z"));

    private final QualityGate gate = gate(ShippedRules.titles().rules());

    @Test
    void shouldValidateAGoodRecordWithoutWarnings() {
        Decision decision = gate.judge(raw(goodFields()));

        assertThat(decision).isInstanceOf(Decision.Validated.class);
        ValidatedRecord record = ((Decision.Validated) decision).record();
        assertThat(record.id()).isEqualTo("id-1");
        assertThat(record.key()).isEqualTo("s1");
        assertThat(record.ruleSetVersion()).isEqualTo("titles-v2");
        assertThat(record.warnings()).isEmpty();
        assertThat(record.fields()).isEqualTo(goodFields());
        assertThat(record.lineage()).isEqualTo(LINEAGE);
        assertThat(record.eventTime()).isEqualTo(CLOCK.instant());
    }

    @Test
    void shouldValidateARecordFailingOnlyAWarnRuleAndNameTheWarning() {
        Map<String, String> fields = goodFields();
        fields.put("date_added", null);

        Decision decision = gate.judge(raw(fields));

        assertThat(decision.routing()).isEqualTo(Routing.VALIDATED);
        assertThat(((Decision.Validated) decision).record().warnings()).containsExactly("date_added_present");
    }

    @Test
    void shouldQuarantineWithEveryFailedRuleItsExpressionActionAndValues() {
        Map<String, String> fields = goodFields();
        fields.put("rating", "74 min");
        fields.put("type", "Film");
        fields.put("date_added", null);

        Decision decision = gate.judge(raw(fields));

        assertThat(decision.routing()).isEqualTo(Routing.QUARANTINED);
        QuarantineRecord record = ((Decision.Quarantined) decision).record();
        assertThat(record.key()).isEqualTo("s1");
        assertThat(record.ruleSetVersion()).isEqualTo("titles-v2");
        assertThat(record.fields()).isEqualTo(fields);
        assertThat(record.lineage()).isEqualTo(LINEAGE);
        Map<String, String> noDate = new HashMap<>();
        noDate.put("date_added", null);
        assertThat(record.failures()).containsExactly(
                new RuleFailure("date_added_present", "date_added IS NOT NULL", "warn", noDate),
                new RuleFailure("rating_is_not_a_duration", "rating IS NULL OR rating NOT LIKE '% min'", "quarantine",
                        Map.of("rating", "74 min")),
                new RuleFailure("valid_type", "type IN ('Movie', 'TV Show')", "quarantine", Map.of("type", "Film")));
    }

    @Test
    void shouldQuarantineARecordWithoutKey() {
        Map<String, String> fields = goodFields();
        fields.put("show_id", null);

        Decision decision = gate.judge(new RawRecord(1, "id-1", CLOCK.instant(), "titles", null, fields, LINEAGE));

        assertThat(decision.routing()).isEqualTo(Routing.QUARANTINED);
        QuarantineRecord record = ((Decision.Quarantined) decision).record();
        assertThat(record.key()).isNull();
        assertThat(record.failures()).extracting(RuleFailure::rule).containsExactly("valid_show_id");
    }

    @Test
    void shouldPassARuleWhoseExpressionIsNullAsDeltaLiveTablesDoes() {
        Map<String, String> fields = goodFields();
        fields.put("type", null);
        fields.put("release_year", "unknown");

        Decision decision = gate.judge(raw(fields));

        // type IN (...) and CAST('unknown' AS INT) BETWEEN ... are NULL, not FALSE: the record passes.
        assertThat(decision.routing()).isEqualTo(Routing.VALIDATED);
        Verdict verdict = ((Decision.Validated) decision).verdict();
        assertThat(verdict.outcomes()).filteredOn(o -> o.result() == null)
                .extracting(o -> o.rule().name()).containsExactly("valid_type", "valid_year");
    }

    @Test
    void shouldRouteADropOnlyFailureToQuarantineAsDropped() {
        QualityGate withDrop = gate(with(new RuleDefinition("title_kept", "title IS NOT NULL", "drop")));
        Map<String, String> fields = goodFields();
        fields.put("title", null);

        Decision decision = withDrop.judge(raw(fields));

        assertThat(decision.routing()).isEqualTo(Routing.DROPPED);
        assertThat(((Decision.Quarantined) decision).record().failures())
                .extracting(RuleFailure::rule, RuleFailure::action).containsExactly(tuple("title_kept", "drop"), tuple("title_present", "warn"));
    }

    @Test
    void shouldPreferQuarantineOverDropWhenBothFail() {
        QualityGate withDrop = gate(with(new RuleDefinition("title_kept", "title IS NOT NULL", "drop")));
        Map<String, String> fields = goodFields();
        fields.put("title", null);
        fields.put("rating", "66 min");

        assertThat(withDrop.judge(raw(fields)).routing()).isEqualTo(Routing.QUARANTINED);
    }

    @Test
    void shouldStopWithAMessageNamingDatasetRuleRecordAndUrlWhenAFailRuleFails() {
        QualityGate withFail = gate(with(new RuleDefinition("no_future_titles", "CAST(release_year AS INT) <= 2030", "fail")));
        Map<String, String> fields = goodFields();
        fields.put("release_year", "2099");

        Decision decision = withFail.judge(raw(fields));

        assertThat(decision.routing()).isEqualTo(Routing.STOPPED);
        QuarantineRecord held = ((Decision.Stopped) decision).record();
        assertThat(held.failures()).extracting(RuleFailure::rule, RuleFailure::action)
                .contains(tuple("no_future_titles", "fail"), tuple("valid_year", "quarantine"));
        FlowStoppedException error = ((Decision.Stopped) decision).error();
        assertThat(error.reason()).isEqualTo(StopReason.EXPECTATION_FAILED);
        assertThat(error.getMessage())
                .contains("EXPECTATION_FAILED")
                .contains("dataset 'titles'")
                .contains("rule 'no_future_titles'")
                .contains("record id id-1")
                .contains("url " + LINEAGE.sourceUrl())
                .contains("record 42")
                .contains("{release_year=2099}");
    }

    @Test
    void shouldQuarantineARecordOfAnUnconfiguredDatasetWithReasonUnknownDataset() {
        Decision decision = gate.judge(new RawRecord(1, "id-9", CLOCK.instant(), "movies", "m1", goodFields(), LINEAGE));

        assertThat(decision.routing()).isEqualTo(Routing.QUARANTINED);
        QuarantineRecord record = ((Decision.Quarantined) decision).record();
        assertThat(record.id()).isEqualTo("id-9");
        assertThat(record.ruleSetVersion()).isNull();
        assertThat(record.fields()).isEqualTo(goodFields());
        assertThat(record.failures()).extracting(RuleFailure::rule, RuleFailure::action, RuleFailure::values)
                .containsExactly(tuple("unknown_dataset", "quarantine", Map.of("dataset", "movies")));
    }

    @Test
    void shouldTakeTheGroupsActionUnlessTheRuleNamesItsOwn() {
        DatasetDefinition shipped = ShippedRules.titles();
        List<RuleDefinition> rules = new ArrayList<>(shipped.rules());
        rules.add(new RuleDefinition("title_kept", "title IS NOT NULL", null, "strict"));
        rules.add(new RuleDefinition("title_short", "length(title) < 5", "warn", "strict"));
        Map<String, String> groups = new HashMap<>(shipped.groups());
        groups.put("strict", "expect_all_or_drop");
        RuleSet ruleSet = new RuleSetCompiler(CLOCK).compile(
                new DatasetDefinition("titles", "titles-v9", shipped.columns(), rules, groups));

        assertThat(ruleSet.rules()).filteredOn(r -> "strict".equals(r.group()))
                .extracting(CompiledRule::name, CompiledRule::action)
                .containsExactly(tuple("title_kept", Action.DROP), tuple("title_short", Action.WARN));
        assertThat(ruleSet.rules()).filteredOn(r -> r.name().equals("date_added_present"))
                .extracting(CompiledRule::group, CompiledRule::action).containsExactly(tuple("completeness", Action.WARN));
        Map<String, String> fields = goodFields();
        fields.put("title", null);
        Decision decision = new QualityGate(List.of(ruleSet), CLOCK).judge(raw(fields));
        assertThat(decision.routing()).isEqualTo(Routing.DROPPED);
        assertThat(((Decision.Quarantined) decision).record().ruleSetVersion()).isEqualTo("titles-v9");
    }

    private static List<RuleDefinition> with(RuleDefinition extra) {
        List<RuleDefinition> rules = new ArrayList<>(ShippedRules.titles().rules());
        rules.add(extra);
        return rules;
    }

    private static QualityGate gate(List<RuleDefinition> rules) {
        DatasetDefinition shipped = ShippedRules.titles();
        RuleSet ruleSet = new RuleSetCompiler(CLOCK).compile(
                new DatasetDefinition(shipped.name(), shipped.ruleSetVersion(), shipped.columns(), rules, shipped.groups()));
        return new QualityGate(List.of(ruleSet), CLOCK);
    }

    private static RawRecord raw(Map<String, String> fields) {
        return new RawRecord(1, "id-1", CLOCK.instant(), "titles", fields.get("show_id"), fields, LINEAGE);
    }

    static Map<String, String> goodFields() {
        return GoldenTitle.fields();
    }
}
