package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-validates quarantined records of one dataset with the current rules. A record that now passes is released:
 * sent to the validated topic, and named in a {@link QualityEvent.Kind#RELEASED} event of its file so the lake
 * removes it from quarantine. A record that still fails is quarantined again with the current verdict (same record
 * id, so the quarantine table keeps one row), which keeps it within reach of a later re-drive.
 */
public final class Redrive {

    /**
     * What one chunk of quarantined records produced.
     *
     * @param outputs validated and re-quarantined records, then the RELEASED events
     * @param released records sent on to validated
     * @param stillQuarantined records that still fail
     * @param skipped records of other datasets on the same topic (left to their own re-drive)
     */
    public record Chunk(List<QualityFlow.Output> outputs, int released, int stillQuarantined, int skipped) {
    }

    private final QualityGate gate;
    private final QualityFlow.Destinations destinations;
    private final Clock clock;

    public Redrive(QualityGate gate, QualityFlow.Destinations destinations, Clock clock) {
        this.gate = gate;
        this.destinations = destinations;
        this.clock = clock;
    }

    /** Judges quarantined records read from {@code sourceTopic}; {@code chunkId} names the read (topic-partition@offset). */
    public Chunk rejudge(String dataset, List<QuarantineRecord> quarantined, String sourceTopic, String chunkId) {
        List<QualityFlow.Output> outputs = new ArrayList<>();
        Map<String, List<String>> releasedByFile = new LinkedHashMap<>();
        Map<String, Lineage> lineageByFile = new LinkedHashMap<>();
        Map<String, long[]> wasDroppedByFile = new LinkedHashMap<>();
        int released = 0;
        int still = 0;
        int skipped = 0;
        for (QuarantineRecord record : quarantined) {
            if (record == null || !dataset.equals(record.dataset())) {
                skipped++;
                continue;
            }
            Decision decision = gate.judge(asRaw(record));
            if (decision instanceof Decision.Validated validated) {
                outputs.add(new QualityFlow.Output(destinations.validatedTopic(dataset, null), record.key(), validated.record()));
                String fileId = QualityFlow.fileId(record.lineage());
                releasedByFile.computeIfAbsent(fileId, k -> new ArrayList<>()).add(record.id());
                lineageByFile.putIfAbsent(fileId, record.lineage());
                if (wasDropped(record)) {
                    wasDroppedByFile.computeIfAbsent(fileId, k -> new long[1])[0]++;
                }
                released++;
            } else {
                QuarantineRecord again = decision instanceof Decision.Quarantined q ? q.record() : ((Decision.Stopped) decision).record();
                outputs.add(new QualityFlow.Output(sourceTopic, record.key(), again));
                still++;
            }
        }
        Instant now = clock.instant();
        String version = gate.ruleSets().containsKey(dataset) ? gate.ruleSets().get(dataset).version() : null;
        releasedByFile.forEach((fileId, ids) -> {
            Lineage lineage = lineageByFile.get(fileId);
            long dropped = wasDroppedByFile.containsKey(fileId) ? wasDroppedByFile.get(fileId)[0] : 0;
            QualityEvent event = new QualityEvent(QualityEvent.SCHEMA_VERSION,
                    QualityFlow.eventId(QualityEvent.Kind.RELEASED, dataset, fileId, chunkId), now, QualityEvent.Kind.RELEASED,
                    dataset, version, lineage == null ? null : lineage.sourceUrl(), lineage == null ? null : lineage.eTag(),
                    fileId, chunkId, 0, ids.size(), -(ids.size() - dropped), -dropped, List.of(), null, List.copyOf(ids));
            outputs.add(new QualityFlow.Output(destinations.eventsTopic(), fileId, event));
        });
        return new Chunk(outputs, released, still, skipped);
    }

    /** A record that failed only drop (and warn) rules was counted as dropped, not quarantined. */
    private static boolean wasDropped(QuarantineRecord record) {
        return record.failures() != null && !record.failures().isEmpty()
                && record.failures().stream().anyMatch(f -> Action.DROP.configName().equals(f.action()))
                && record.failures().stream().allMatch(f -> Action.DROP.configName().equals(f.action())
                        || Action.WARN.configName().equals(f.action()));
    }

    static RawRecord asRaw(QuarantineRecord record) {
        return new RawRecord(RawRecord.SCHEMA_VERSION, record.id(), record.eventTime(), record.dataset(), record.key(),
                record.fields(), record.lineage());
    }
}
