package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.RawRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges one consumed batch: routes each record to its dataset's validated or quarantine topic, holds back the
 * records of a dataset whose flow a {@code fail} rule stopped, and tallies the quality event log entries of the
 * batch (one {@link QualityEvent.Kind#BATCH} per dataset and file, one {@link QualityEvent.Kind#FILE_FAILED} per
 * failed file). Every record produces exactly one output, so per file {@code received = validated + quarantined
 * + dropped}. A stop takes effect for later batches only once {@link #stop} is called (after the batch's
 * transaction committed); within the batch, later records of the dataset are held back already.
 */
public final class QualityFlow {

    /** One consumed record and the topic it came from. */
    public record Input(RawRecord raw, String sourceTopic) {
    }

    /** One record to produce. */
    public record Output(String topic, String key, Object value) {
    }

    /**
     * What a batch produced.
     *
     * @param outputs validated and quarantine records, then the quality events, in order
     * @param decisions the decision per judged record (held-back records have none), for metrics
     * @param heldBack records held back per dataset because its flow was stopped
     * @param stops the datasets a {@code fail} rule stopped in this batch, with the alert
     */
    public record BatchResult(List<Output> outputs, List<Decision> decisions, Map<String, Long> heldBack,
            Map<String, FlowStoppedException> stops) {
    }

    /** Where a dataset's records go. */
    public interface Destinations {

        String validatedTopic(String dataset, String sourceTopic);

        String quarantineTopic(String dataset, String sourceTopic);

        String eventsTopic();
    }

    private final QualityGate gate;
    private final Destinations destinations;
    private final Clock clock;
    private final Map<String, FlowStoppedException> stopped = new ConcurrentHashMap<>();

    public QualityFlow(QualityGate gate, Destinations destinations, Clock clock) {
        this.gate = gate;
        this.destinations = destinations;
        this.clock = clock;
    }

    /** Datasets whose flow is stopped, with the alert that stopped each. */
    public Map<String, FlowStoppedException> stoppedDatasets() {
        return Collections.unmodifiableMap(stopped);
    }

    /** Stops a dataset's flow: its later records are held back in quarantine until the service restarts. */
    public void stop(String dataset, FlowStoppedException alert) {
        stopped.putIfAbsent(dataset, alert);
    }

    public BatchResult judge(List<Input> inputs, String batchId) {
        Map<String, FlowStoppedException> stops = new LinkedHashMap<>();
        Map<String, Long> heldBack = new LinkedHashMap<>();
        List<Output> records = new ArrayList<>(inputs.size());
        List<Decision> decisions = new ArrayList<>(inputs.size());
        Map<String, FileTally> tallies = new LinkedHashMap<>();
        List<QualityEvent> failures = new ArrayList<>();
        Instant now = clock.instant();
        for (Input input : inputs) {
            RawRecord raw = input.raw();
            String dataset = raw.dataset();
            FileTally tally = tallies.computeIfAbsent(dataset + '\n' + fileId(raw.lineage()),
                    k -> new FileTally(dataset, raw.lineage(), gate.ruleSets().get(dataset)));
            tally.received++;
            FlowStoppedException stoppedBy = stops.containsKey(dataset) ? stops.get(dataset) : stopped.get(dataset);
            if (stoppedBy != null) {
                records.add(new Output(destinations.quarantineTopic(dataset, input.sourceTopic()), raw.key(),
                        gate.heldBack(raw, stoppedBy)));
                heldBack.merge(dataset, 1L, Long::sum);
                tally.quarantined++;
                continue;
            }
            Decision decision = gate.judge(raw);
            decisions.add(decision);
            tally.count(decision);
            if (decision instanceof Decision.Validated validated) {
                records.add(new Output(destinations.validatedTopic(dataset, input.sourceTopic()), raw.key(), validated.record()));
            } else if (decision instanceof Decision.Quarantined quarantined) {
                records.add(new Output(destinations.quarantineTopic(dataset, input.sourceTopic()), raw.key(), quarantined.record()));
            } else {
                Decision.Stopped stop = (Decision.Stopped) decision;
                records.add(new Output(destinations.quarantineTopic(dataset, input.sourceTopic()), raw.key(), stop.record()));
                stops.put(dataset, stop.error());
                failures.add(fileFailed(raw, stop, batchId, now));
            }
        }
        List<Output> outputs = new ArrayList<>(records);
        for (FileTally tally : tallies.values()) {
            QualityEvent event = tally.event(batchId, now);
            outputs.add(new Output(destinations.eventsTopic(), event.fileId(), event));
        }
        for (QualityEvent event : failures) {
            outputs.add(new Output(destinations.eventsTopic(), event.fileId(), event));
        }
        return new BatchResult(outputs, decisions, heldBack, stops);
    }

    private QualityEvent fileFailed(RawRecord raw, Decision.Stopped stop, String batchId, Instant now) {
        CompiledRule rule = stop.verdict().firstFatalFailure().orElseThrow().rule();
        Lineage lineage = raw.lineage();
        String fileId = fileId(lineage);
        QualityEvent.Failure failure = new QualityEvent.Failure(rule.name(), rule.source(), raw.id(),
                lineage == null ? 0 : lineage.recordNumber(), lineage == null ? 0 : lineage.lineNumber(),
                stop.error().getMessage());
        return new QualityEvent(QualityEvent.SCHEMA_VERSION, eventId(QualityEvent.Kind.FILE_FAILED, raw.dataset(), fileId,
                batchId + '|' + raw.id()), now, QualityEvent.Kind.FILE_FAILED, raw.dataset(), stop.verdict().ruleSet().version(),
                lineage == null ? null : lineage.sourceUrl(), lineage == null ? null : lineage.eTag(), fileId, batchId,
                0, 0, 0, 0, List.of(), failure, List.of());
    }

    /** The file id of a record's lineage ({@link RecordIds#ofFile}); records without lineage share one. */
    public static String fileId(Lineage lineage) {
        return lineage == null ? RecordIds.ofFile("", "") : RecordIds.ofFile(lineage.sourceUrl(), lineage.eTag());
    }

    /** Deterministic event id: the same batch of the same file always gets the same id. */
    public static String eventId(QualityEvent.Kind kind, String dataset, String fileId, String batchId) {
        return RecordIds.ofFile(kind + "|" + dataset + "|" + fileId, batchId);
    }

    /** Counts of one dataset's records of one file in one batch. */
    private static final class FileTally {
        final String dataset;
        final Lineage lineage;
        final RuleSet ruleSet;
        final long[] passed;
        final long[] failed;
        long received;
        long validated;
        long quarantined;
        long dropped;

        FileTally(String dataset, Lineage lineage, RuleSet ruleSet) {
            this.dataset = dataset;
            this.lineage = lineage;
            this.ruleSet = ruleSet;
            int n = ruleSet == null ? 0 : ruleSet.rules().size();
            this.passed = new long[n];
            this.failed = new long[n];
        }

        void count(Decision decision) {
            switch (decision.routing()) {
                case VALIDATED -> validated++;
                case DROPPED -> dropped++;
                case QUARANTINED, STOPPED -> quarantined++;
            }
            Verdict verdict = verdictOf(decision);
            if (verdict == null) {
                return;
            }
            List<RuleOutcome> outcomes = verdict.outcomes();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).failed()) {
                    failed[i]++;
                } else {
                    passed[i]++;
                }
            }
        }

        QualityEvent event(String batchId, Instant now) {
            List<QualityEvent.RuleCount> rules = new ArrayList<>();
            for (int i = 0; i < passed.length; i++) {
                CompiledRule rule = ruleSet.rules().get(i);
                rules.add(new QualityEvent.RuleCount(rule.name(), rule.group(), rule.action().configName(), passed[i], failed[i]));
            }
            String fileId = fileId(lineage);
            return new QualityEvent(QualityEvent.SCHEMA_VERSION, eventId(QualityEvent.Kind.BATCH, dataset, fileId, batchId),
                    now, QualityEvent.Kind.BATCH, dataset, ruleSet == null ? null : ruleSet.version(),
                    lineage == null ? null : lineage.sourceUrl(), lineage == null ? null : lineage.eTag(), fileId, batchId,
                    received, validated, quarantined, dropped, rules, null, List.of());
        }
    }

    static Verdict verdictOf(Decision decision) {
        if (decision instanceof Decision.Validated v) {
            return v.verdict();
        }
        if (decision instanceof Decision.Quarantined q) {
            return q.verdict();
        }
        return ((Decision.Stopped) decision).verdict();
    }
}
