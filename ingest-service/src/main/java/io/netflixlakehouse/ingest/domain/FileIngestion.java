package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.FileIngested;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A blob-events message holds one event or a batch: {@link #events} splits and parses it, then each
 * event in turn gets one decision: resolve the url in the blob store (landing root or storage account), find the dataset, stream the CSV into the sink, wait for every record to be
 * acknowledged, and describe the outcome as a {@link FileIngested} manifest.
 */
public final class FileIngestion {

    /** The url-less file id of an event (or message) that could not be parsed is derived from its text. */
    static final String MALFORMED_EVENT_URL = "malformed-event";

    private final BlobEventParser parser = new BlobEventParser();
    private final CsvRecordReader reader = new CsvRecordReader();
    private final BlobStore store;
    private final DatasetCatalog datasets;
    private final Clock clock;

    public FileIngestion(BlobStore store, DatasetCatalog datasets, Clock clock) {
        this.store = store;
        this.datasets = datasets;
        this.clock = clock;
    }

    /** The events of one blob-events message (one, or a batch), in order; each is then {@link #ingest}ed on its own. */
    public List<EventDecision> events(String payload) {
        return parser.parse(payload);
    }

    public IngestOutcome ingest(EventDecision decision, RecordSink sink) {
        if (decision instanceof EventDecision.Skip skip) {
            return new IngestOutcome.Skipped(skip.why(), skip.eventId());
        }
        if (decision instanceof EventDecision.Malformed malformed) {
            String id = RecordIds.ofFile(MALFORMED_EVENT_URL, malformed.source());
            return failed(id, null, null, null, null, 0, 0, malformed.why());
        }
        EventDecision.Ingest event = (EventDecision.Ingest) decision;
        String url = event.url();
        String eTag = event.eTag();
        String eventId = event.event().id();
        String fileId = RecordIds.ofFile(url, eTag);

        BlobStore.Resolution resolution = store.resolve(url);
        if (resolution instanceof BlobStore.Refused refused) {
            return failed(fileId, null, url, eTag, eventId, 0, 0, refused.why());
        }
        BlobStore.Resolved file = (BlobStore.Resolved) resolution;
        Optional<DatasetSpec> dataset = datasets.match(file.relativePath());
        if (dataset.isEmpty()) {
            return failed(fileId, null, url, eTag, eventId, 0, 0,
                    new Failure(Reason.UNKNOWN_DATASET, "(" + file.relativePath() + ")"));
        }
        DatasetSpec spec = dataset.get();
        RecordContext context = new RecordContext(spec, url, eTag, eventId, event.eventTime(), clock);
        ReadResult read;
        long[] handedOver = {0};
        try (InputStream input = file.blob().open(0)) {
            read = reader.read(input, context, record -> {
                sink.publish(spec, record);
                handedOver[0]++;
            });
        } catch (NoSuchFileException e) {
            return failed(fileId, spec.name(), url, eTag, eventId, 0, 0, Failure.of(Reason.BLOB_NOT_FOUND));
        } catch (BlobStore.StorageUnavailableException e) {
            return flushThenFail(sink, fileId, spec.name(), url, eTag, eventId,
                    new ReadResult(0, 0, new Failure(Reason.STORAGE_UNAVAILABLE, "(" + e.getMessage() + ")")));
        } catch (IOException e) {
            return flushThenFail(sink, fileId, spec.name(), url, eTag, eventId,
                    new ReadResult(0, 0, new Failure(Reason.READ_ERROR, "(" + e.getMessage() + ")")));
        } catch (RecordSink.PublishFailed e) {
            return failed(fileId, spec.name(), url, eTag, eventId, handedOver[0], 0,
                    new Failure(Reason.PUBLISH_FAILED, "(" + e.getMessage() + ")"));
        }
        if (!read.complete()) {
            return flushThenFail(sink, fileId, spec.name(), url, eTag, eventId, read);
        }
        try {
            sink.flush();
        } catch (RecordSink.PublishFailed e) {
            return failed(fileId, spec.name(), url, eTag, eventId, read.records(), read.raggedRows(),
                    new Failure(Reason.PUBLISH_FAILED, "(" + e.getMessage() + ")"));
        }
        FileIngested manifest = new FileIngested(FileIngested.SCHEMA_VERSION, fileId, clock.instant(), spec.name(),
                url, eTag, eventId, FileIngested.Status.COMPLETED, read.records(), null);
        return new IngestOutcome.Handled(manifest, spec.name(), read.raggedRows(), null);
    }

    /** The records before a read failure are published and acknowledged before the FAILED manifest. */
    private IngestOutcome flushThenFail(
            RecordSink sink, String fileId, String dataset, String url, String eTag, String eventId, ReadResult read) {
        Failure failure = read.failure();
        try {
            sink.flush();
        } catch (RecordSink.PublishFailed e) {
            failure = new Failure(Reason.PUBLISH_FAILED, "(" + e.getMessage() + ")");
        }
        return failed(fileId, dataset, url, eTag, eventId, read.records(), read.raggedRows(), failure);
    }

    private IngestOutcome failed(String fileId, String dataset, String url, String eTag, String eventId,
            long records, long ragged, Failure failure) {
        FileIngested manifest = new FileIngested(FileIngested.SCHEMA_VERSION, fileId, clock.instant(), dataset,
                url, eTag, eventId, FileIngested.Status.FAILED, records, failure.text());
        return new IngestOutcome.Handled(manifest, dataset, ragged, failure);
    }
}
