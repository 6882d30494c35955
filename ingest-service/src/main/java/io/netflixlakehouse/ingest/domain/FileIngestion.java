package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
import io.netflixlakehouse.contracts.event.DeadLetter;
import io.netflixlakehouse.contracts.event.FileIngested;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A blob-events message holds one event or a batch: {@link #events} splits and parses it, then each
 * event in turn gets one decision: skip a version the ledger says was ingested, resolve the url in the
 * blob store (landing folder or storage account), find the dataset, refuse an overwrite the dataset does not allow, plan the header
 * against the dataset's schema (recording a schema change first), stream the CSV into the sink, wait
 * for every record to be acknowledged, and describe the outcome as a {@link FileIngested} manifest
 * (plus a {@link DeadLetter} for input that could not become records).
 */
public final class FileIngestion {

    /** The url-less file id of an event (or message) that could not be parsed is derived from its text. */
    static final String MALFORMED_EVENT_URL = "malformed-event";

    /** Failures that are about the input (dead-lettered), as opposed to Kafka being unavailable. */
    private static final Set<Reason> DEAD_LETTERED = EnumSet.of(Reason.MALFORMED_EVENT, Reason.URL_NOT_ALLOWED,
            Reason.BLOB_NOT_FOUND, Reason.UNKNOWN_DATASET, Reason.INVALID_HEADER, Reason.NOT_CSV, Reason.NEW_COLUMNS,
            Reason.DATASET_STOPPED, Reason.CSV_PARSE_ERROR, Reason.READ_ERROR, Reason.STORAGE_UNAVAILABLE,
            Reason.STORAGE_ACCESS_DENIED);

    private final BlobEventParser parser = new BlobEventParser();
    private final CsvRecordReader reader = new CsvRecordReader();
    private final BlobStore store;
    private final DatasetCatalog datasets;
    private final SchemaHistory schemas;
    private final SchemaLog schemaLog;
    private final FileLedger ledger;
    private final Clock clock;
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    public FileIngestion(BlobStore store, DatasetCatalog datasets, SchemaHistory schemas, SchemaLog schemaLog,
            FileLedger ledger, Clock clock) {
        this.store = store;
        this.datasets = datasets;
        this.schemas = schemas;
        this.schemaLog = schemaLog;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The events of one blob-events message (one, or a batch), in order; each is then {@link #ingest}ed on its own. */
    public List<EventDecision> events(String payload) {
        return parser.parse(payload);
    }

    /** Datasets stopped by mode failOnNewColumns. */
    public Set<String> stoppedDatasets() {
        return Set.copyOf(stopped);
    }

    public IngestOutcome ingest(EventDecision decision, RecordSink sink) {
        if (decision instanceof EventDecision.Skip skip) {
            return new IngestOutcome.Skipped(skip.why(), skip.eventId());
        }
        if (decision instanceof EventDecision.Malformed malformed) {
            String id = RecordIds.ofFile(MALFORMED_EVENT_URL, malformed.source());
            return failed(new FileRef(id, null, null, null), null, 0, malformed.why(), malformed.source());
        }
        EventDecision.Ingest event = (EventDecision.Ingest) decision;
        String url = event.url();
        String eTag = event.eTag();
        FileRef ref = new FileRef(RecordIds.ofFile(url, eTag), url, eTag, event.event().id());
        if (ledger.completed(url, eTag)) {
            return new IngestOutcome.Skipped(new Failure(Reason.DUPLICATE_EVENT, "(" + url + " " + eTag + ")"), ref.eventId());
        }

        BlobStore.Resolution resolution = store.resolve(url);
        if (resolution instanceof BlobStore.Refused refused) {
            return failed(ref, null, 0, refused.why(), null);
        }
        BlobStore.Resolved file = (BlobStore.Resolved) resolution;
        Optional<DatasetSpec> dataset = datasets.match(file.container(), file.relativePath());
        if (dataset.isEmpty()) {
            return failed(ref, null, 0, new Failure(Reason.UNKNOWN_DATASET, "(" + file.relativePath() + ")"), null);
        }
        DatasetSpec spec = dataset.get();
        if (stopped.contains(spec.name())) {
            return failed(ref, spec.name(), 0, new Failure(Reason.DATASET_STOPPED, "(" + spec.name()
                    + " stopped by failOnNewColumns; change its spec and restart)"), null);
        }
        if (!spec.allowOverwrites() && ledger.otherVersionCompleted(url, eTag)) {
            FileIngested manifest = manifest(ref, spec.name(), FileIngested.Status.SKIPPED, 0,
                    Failure.of(Reason.OVERWRITE_NOT_ALLOWED));
            return new IngestOutcome.Handled(manifest, spec.name(), 0, 0, Failure.of(Reason.OVERWRITE_NOT_ALLOWED), null);
        }
        RecordContext context = new RecordContext(spec, url, eTag, ref.eventId(), event.eventTime(), clock);
        // After a crash, the records committed before it are not handed over again (ids are deterministic).
        long resumeAfter = ledger.committedRecords(ref.fileId());
        ReadResult read;
        long[] handedOver = {resumeAfter};
        try (InputStream input = file.blob().open(0)) {
            read = reader.read(input, context, (header, line) -> planAndRecord(spec, header, line, ref),
                    record -> {
                        if (record.lineage().recordNumber() > resumeAfter) {
                            sink.publish(spec, record);
                            handedOver[0]++;
                        }
                    });
        } catch (NoSuchFileException e) {
            return failed(ref, spec.name(), 0, Failure.of(Reason.BLOB_NOT_FOUND), null);
        } catch (BlobStore.StorageUnavailableException e) {
            return flushThenFail(sink, ref, spec.name(), new ReadResult(handedOver[0], 0, 0,
                    new Failure(Reason.STORAGE_UNAVAILABLE, "(" + e.getMessage() + ")")));
        } catch (IOException e) {
            return flushThenFail(sink, ref, spec.name(),
                    new ReadResult(handedOver[0], 0, 0, new Failure(Reason.READ_ERROR, "(" + e.getMessage() + ")")));
        } catch (RecordSink.PublishFailed e) {
            return failed(ref, spec.name(), handedOver[0], new Failure(Reason.PUBLISH_FAILED, "(" + e.getMessage() + ")"), null);
        }
        if (!read.complete()) {
            if (read.failure().reason() == Reason.NEW_COLUMNS) {
                stopped.add(spec.name());
            }
            return flushThenFail(sink, ref, spec.name(), read);
        }
        try {
            sink.flush();
        } catch (RecordSink.PublishFailed e) {
            return failed(ref, spec.name(), read.records(), new Failure(Reason.PUBLISH_FAILED, "(" + e.getMessage() + ")"), null);
        }
        FileIngested manifest = manifest(ref, spec.name(), FileIngested.Status.COMPLETED, read.records(), null);
        return new IngestOutcome.Handled(manifest, spec.name(), read.raggedRows(), read.rescuedRows(), null, null);
    }

    /** Plans the header; a change of schema is recorded durably before the first record that has it. */
    private FileSchema.Plan planAndRecord(DatasetSpec spec, List<String> header, long line, FileRef ref) {
        List<String> known = schemas.columns(spec);
        FileSchema.Plan plan = FileSchema.plan(spec, known, header, line);
        if (plan instanceof FileSchema.Accepted accepted && !accepted.added().isEmpty()) {
            int version = schemas.nextVersion(spec.name());
            DatasetSchemaChanged change = new DatasetSchemaChanged(DatasetSchemaChanged.SCHEMA_VERSION,
                    RecordIds.ofFile(spec.name(), Integer.toString(version)), clock.instant(), spec.name(), version,
                    FileSchema.evolved(known, accepted.added()), accepted.added(), ref.url(), ref.eTag());
            schemaLog.record(change);
            schemas.apply(change);
        }
        return plan;
    }

    /** The records before a read failure are published and acknowledged before the FAILED manifest. */
    private IngestOutcome flushThenFail(RecordSink sink, FileRef ref, String dataset, ReadResult read) {
        Failure failure = read.failure();
        try {
            sink.flush();
        } catch (RecordSink.PublishFailed e) {
            failure = new Failure(Reason.PUBLISH_FAILED, "(" + e.getMessage() + ")");
        }
        FileIngested manifest = manifest(ref, dataset, FileIngested.Status.FAILED, read.records(), failure);
        return new IngestOutcome.Handled(manifest, dataset, read.raggedRows(), read.rescuedRows(), failure,
                deadLetter(ref, dataset, failure, null));
    }

    private IngestOutcome failed(FileRef ref, String dataset, long records, Failure failure, String payload) {
        FileIngested manifest = manifest(ref, dataset, FileIngested.Status.FAILED, records, failure);
        return new IngestOutcome.Handled(manifest, dataset, 0, 0, failure, deadLetter(ref, dataset, failure, payload));
    }

    private FileIngested manifest(FileRef ref, String dataset, FileIngested.Status status, long records, Failure failure) {
        return new FileIngested(FileIngested.SCHEMA_VERSION, ref.fileId(), clock.instant(), dataset, ref.url(),
                ref.eTag(), ref.eventId(), status, records, failure == null ? null : failure.text());
    }

    private DeadLetter deadLetter(FileRef ref, String dataset, Failure failure, String payload) {
        if (!DEAD_LETTERED.contains(failure.reason())) {
            return null;
        }
        String kept = payload == null || payload.length() <= DeadLetter.MAX_PAYLOAD
                ? payload : payload.substring(0, DeadLetter.MAX_PAYLOAD);
        return new DeadLetter(DeadLetter.SCHEMA_VERSION, RecordIds.ofFile(ref.fileId(), failure.text()), clock.instant(),
                failure.reason().name(), failure.detail(), dataset, ref.url(), ref.eTag(),
                failure.line() > 0 ? failure.line() : null, ref.eventId(), kept);
    }

    /** The file version an event names. */
    private record FileRef(String fileId, String url, String eTag, String eventId) {
    }
}
