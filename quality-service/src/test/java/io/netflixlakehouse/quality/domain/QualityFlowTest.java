package io.netflixlakehouse.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.quality.GoldenTitle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityFlowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final String URL_A = "http://landing/a.csv";
    private static final String URL_B = "http://landing/b.csv";

    static final QualityFlow.Destinations DESTINATIONS = new QualityFlow.Destinations() {
        @Override
        public String validatedTopic(String dataset, String sourceTopic) {
            return Topics.LOOKUPS_RAW.equals(sourceTopic) ? Topics.LOOKUPS_VALIDATED : Topics.TITLES_VALIDATED;
        }

        @Override
        public String quarantineTopic(String dataset, String sourceTopic) {
            return Topics.LOOKUPS_RAW.equals(sourceTopic) ? Topics.LOOKUPS_QUARANTINE : Topics.TITLES_QUARANTINE;
        }

        @Override
        public String eventsTopic() {
            return Topics.QUALITY_EVENTS;
        }
    };

    @Test
    void shouldRouteEachRecordOnceAndCountEachFileOfTheBatch() {
        QualityFlow flow = flow(withRule("description_present", "description IS NOT NULL", "drop"));
        List<QualityFlow.Input> inputs = List.of(
                title("a1", URL_A, 1, Map.of()),
                title("a2", URL_A, 2, Map.of("rating", "74 min")),
                title("a3", URL_A, 3, Map.of("description", "")),
                title("b1", URL_B, 1, Map.of("date_added", "")),
                lookup("c1", "cast", Map.of("cast", "Alan Marriott", "show_id", "81145628")),
                lookup("c2", "genres", Map.of("genre", "Drama", "show_id", "81145628")));

        QualityFlow.BatchResult result = flow.judge(inputs, "netflix.titles.raw.v1-0@0");

        List<QualityFlow.Output> records = result.outputs().stream().filter(o -> !(o.value() instanceof QualityEvent)).toList();
        assertThat(records).extracting(QualityFlow.Output::topic, QualityFlow.Output::key).containsExactly(
                tuple(Topics.TITLES_VALIDATED, "a1"), tuple(Topics.TITLES_QUARANTINE, "a2"),
                tuple(Topics.TITLES_QUARANTINE, "a3"), tuple(Topics.TITLES_VALIDATED, "b1"),
                tuple(Topics.LOOKUPS_VALIDATED, "c1"), tuple(Topics.LOOKUPS_QUARANTINE, "c2"));
        QuarantineRecord unknown = (QuarantineRecord) records.get(5).value();
        assertThat(unknown.failures()).extracting(QuarantineRecord.RuleFailure::rule).containsExactly("unknown_dataset");

        List<QualityEvent> events = events(result);
        assertThat(events).extracting(QualityEvent::kind, QualityEvent::dataset, QualityEvent::sourceUrl,
                QualityEvent::received, QualityEvent::validated, QualityEvent::quarantined, QualityEvent::dropped)
                .containsExactly(
                        tuple(QualityEvent.Kind.BATCH, "titles", URL_A, 3L, 1L, 1L, 1L),
                        tuple(QualityEvent.Kind.BATCH, "titles", URL_B, 1L, 1L, 0L, 0L),
                        tuple(QualityEvent.Kind.BATCH, "cast", "http://landing/cast.csv", 1L, 1L, 0L, 0L),
                        tuple(QualityEvent.Kind.BATCH, "genres", "http://landing/cast.csv", 1L, 0L, 1L, 0L));
        assertThat(events).allSatisfy(e -> assertThat(e.received()).isEqualTo(e.validated() + e.quarantined() + e.dropped()));
        QualityEvent fileA = events.get(0);
        assertThat(fileA.ruleSetVersion()).isEqualTo("titles-v2");
        assertThat(fileA.batchId()).isEqualTo("netflix.titles.raw.v1-0@0");
        assertThat(fileA.rules()).extracting(QualityEvent.RuleCount::rule, QualityEvent.RuleCount::passed, QualityEvent.RuleCount::failed)
                .contains(tuple("rating_is_not_a_duration", 2L, 1L), tuple("description_present", 2L, 1L),
                        tuple("valid_year", 3L, 0L), tuple("date_added_present", 3L, 0L));
        assertThat(events.get(1).rules()).extracting(QualityEvent.RuleCount::rule, QualityEvent.RuleCount::failed)
                .contains(tuple("date_added_present", 1L));
        assertThat(result.stops()).isEmpty();
    }

    @Test
    void shouldGiveTheSameEventIdsToTheSameBatch() {
        QualityFlow flow = flow(ShippedRules.titles().rules());
        List<QualityFlow.Input> inputs = List.of(title("a1", URL_A, 1, Map.of()), title("b1", URL_B, 1, Map.of()));

        List<String> first = events(flow.judge(inputs, "p0@5")).stream().map(QualityEvent::id).toList();
        List<String> again = events(flow.judge(inputs, "p0@5")).stream().map(QualityEvent::id).toList();
        List<String> other = events(flow.judge(inputs, "p0@9")).stream().map(QualityEvent::id).toList();

        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
        assertThat(other).doesNotContainAnyElementsOf(first);
    }

    @Test
    void shouldStopOnlyTheFailingDatasetHoldBackItsLaterRecordsAndMarkTheFileFailed() {
        QualityFlow flow = flow(withRule("no_future_titles", "CAST(release_year AS INT) <= 2030", "fail"));
        List<QualityFlow.Input> inputs = List.of(
                title("a1", URL_A, 1, Map.of()),
                title("a2", URL_A, 2, Map.of("release_year", "2099")),
                title("a3", URL_A, 3, Map.of()),
                lookup("c1", "cast", Map.of("cast", "Alan Marriott", "show_id", "81145628")));

        QualityFlow.BatchResult result = flow.judge(inputs, "b1");

        List<QualityFlow.Output> records = result.outputs().stream().filter(o -> !(o.value() instanceof QualityEvent)).toList();
        assertThat(records).extracting(QualityFlow.Output::topic).containsExactly(Topics.TITLES_VALIDATED,
                Topics.TITLES_QUARANTINE, Topics.TITLES_QUARANTINE, Topics.LOOKUPS_VALIDATED);
        assertThat(((QuarantineRecord) records.get(2).value()).failures())
                .extracting(QuarantineRecord.RuleFailure::rule).containsExactly(QualityGate.DATASET_STOPPED);
        assertThat(result.stops()).containsOnlyKeys("titles");
        assertThat(result.heldBack()).containsExactly(Map.entry("titles", 1L));

        QualityEvent failed = events(result).stream().filter(e -> e.kind() == QualityEvent.Kind.FILE_FAILED).findFirst().orElseThrow();
        assertThat(failed.sourceUrl()).isEqualTo(URL_A);
        assertThat(failed.failure().rule()).isEqualTo("no_future_titles");
        assertThat(failed.failure().recordId()).isEqualTo("a2");
        assertThat(failed.failure().recordNumber()).isEqualTo(2);
        assertThat(failed.failure().lineNumber()).isEqualTo(3);
        assertThat(failed.failure().message()).contains("EXPECTATION_FAILED").contains("rule 'no_future_titles'");
        QualityEvent fileA = events(result).get(0);
        assertThat(fileA.received()).isEqualTo(3);
        assertThat(fileA.validated() + fileA.quarantined() + fileA.dropped()).isEqualTo(3);

        // Until the stop is applied (after the commit), the next batch is still judged.
        assertThat(flow.stoppedDatasets()).isEmpty();
        flow.stop("titles", result.stops().get("titles"));
        QualityFlow.BatchResult next = flow.judge(List.of(title("a4", URL_A, 4, Map.of()),
                lookup("c2", "cast", Map.of("cast", "Jandino Asporaat", "show_id", "80117401"))), "b2");
        assertThat(next.outputs()).extracting(QualityFlow.Output::topic)
                .startsWith(Topics.TITLES_QUARANTINE, Topics.LOOKUPS_VALIDATED);
        assertThat(flow.stoppedDatasets()).containsOnlyKeys("titles");
    }

    @Test
    void shouldReleaseOnRedriveWhatTheFixedRulesPassAndRequarantineTheRest() {
        QualityFlow strict = flow(withRule("short_titles", "length(title) < 10", "quarantine"));
        QualityFlow.BatchResult first = strict.judge(List.of(
                title("a1", URL_A, 1, Map.of("title", "Short")),
                title("a2", URL_A, 2, Map.of("title", "A much longer title")),
                title("a3", URL_A, 3, Map.of("title", "Another long title", "rating", "74 min"))), "b1");
        List<QuarantineRecord> quarantined = first.outputs().stream().map(QualityFlow.Output::value)
                .filter(QuarantineRecord.class::isInstance).map(QuarantineRecord.class::cast).toList();
        assertThat(quarantined).extracting(QuarantineRecord::id).containsExactly("a2", "a3");

        // The rule is fixed: the service restarts with the shipped rules only.
        QualityGate fixed = gate(ShippedRules.titles().rules());
        Redrive.Chunk chunk = new Redrive(fixed, DESTINATIONS, CLOCK).rejudge("titles", quarantined, Topics.TITLES_QUARANTINE, "q0@0");

        assertThat(chunk.released()).isEqualTo(1);
        assertThat(chunk.stillQuarantined()).isEqualTo(1);
        assertThat(chunk.outputs()).extracting(QualityFlow.Output::topic).containsExactly(
                Topics.TITLES_VALIDATED, Topics.TITLES_QUARANTINE, Topics.QUALITY_EVENTS);
        assertThat(((ValidatedRecord) chunk.outputs().get(0).value()).id()).isEqualTo("a2");
        QuarantineRecord still = (QuarantineRecord) chunk.outputs().get(1).value();
        assertThat(still.id()).isEqualTo("a3");
        assertThat(still.failures()).extracting(QuarantineRecord.RuleFailure::rule).containsExactly("rating_is_not_a_duration");
        QualityEvent released = (QualityEvent) chunk.outputs().get(2).value();
        assertThat(released.kind()).isEqualTo(QualityEvent.Kind.RELEASED);
        assertThat(released.releasedRecordIds()).containsExactly("a2");
        assertThat(released.validated()).isEqualTo(1);
        assertThat(released.quarantined()).isEqualTo(-1);

        // Summed per file, the events still reconcile: received = validated + quarantined + dropped.
        List<QualityEvent> all = new ArrayList<>(events(first));
        all.add(released);
        assertThat(all.stream().mapToLong(QualityEvent::received).sum()).isEqualTo(3);
        assertThat(all.stream().mapToLong(QualityEvent::validated).sum()).isEqualTo(2);
        assertThat(all.stream().mapToLong(QualityEvent::quarantined).sum()).isEqualTo(1);
    }

    @Test
    void shouldSkipOtherDatasetsOnRedrive() {
        QualityGate gate = gate(ShippedRules.titles().rules());
        QuarantineRecord other = new QuarantineRecord(1, "x1", CLOCK.instant(), "seed_titles", "1", Map.of(), null, "v1", List.of());

        Redrive.Chunk chunk = new Redrive(gate, DESTINATIONS, CLOCK).rejudge("titles", List.of(other), Topics.TITLES_QUARANTINE, "q");

        assertThat(chunk.skipped()).isEqualTo(1);
        assertThat(chunk.outputs()).isEmpty();
    }

    private static List<QualityEvent> events(QualityFlow.BatchResult result) {
        return result.outputs().stream().map(QualityFlow.Output::value).filter(QualityEvent.class::isInstance)
                .map(QualityEvent.class::cast).toList();
    }

    private static List<RuleDefinition> withRule(String name, String expression, String action) {
        List<RuleDefinition> rules = new ArrayList<>(ShippedRules.titles().rules());
        rules.add(new RuleDefinition(name, expression, action));
        return rules;
    }

    private static QualityFlow flow(List<RuleDefinition> titleRules) {
        return new QualityFlow(gate(titleRules), DESTINATIONS, CLOCK);
    }

    private static QualityGate gate(List<RuleDefinition> titleRules) {
        DatasetDefinition shipped = ShippedRules.titles();
        RuleSetCompiler compiler = new RuleSetCompiler(CLOCK);
        return new QualityGate(List.of(
                compiler.compile(new DatasetDefinition("titles", shipped.ruleSetVersion(), shipped.columns(), titleRules, shipped.groups())),
                compiler.compile(ShippedRules.dataset("cast"))), CLOCK);
    }

    private static QualityFlow.Input title(String id, String url, long n, Map<String, String> changes) {
        Map<String, String> fields = GoldenTitle.fields();
        fields.put("show_id", id);
        changes.forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v));
        Lineage lineage = new Lineage(url, "0x1", n, n + 1, "evt", CLOCK.instant(), CLOCK.instant());
        return new QualityFlow.Input(new RawRecord(1, id, CLOCK.instant(), "titles", id, fields, lineage), Topics.TITLES_RAW);
    }

    private static QualityFlow.Input lookup(String id, String dataset, Map<String, String> fields) {
        Lineage lineage = new Lineage("http://landing/cast.csv", "0x2", 1, 2, "evt", CLOCK.instant(), CLOCK.instant());
        return new QualityFlow.Input(new RawRecord(1, id, CLOCK.instant(), dataset, id, fields, lineage), Topics.LOOKUPS_RAW);
    }
}
