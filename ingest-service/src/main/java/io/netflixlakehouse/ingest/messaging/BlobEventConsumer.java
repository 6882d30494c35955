package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.ingest.domain.EventDecision;
import io.netflixlakehouse.ingest.domain.FileIngestion;
import io.netflixlakehouse.ingest.domain.FileLedger;
import io.netflixlakehouse.ingest.domain.IngestOutcome;
import io.netflixlakehouse.ingest.domain.Reason;
import io.netflixlakehouse.ingest.domain.RecordSink;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes blob-events messages one at a time (value as text), once the ledger is loaded. A message
 * holds one event or a batch; its events are handled in order, each ingesting the file it names
 * (records, then its dead letter if any, then its manifest, which also enters the ledger). The message
 * is acknowledged when this method returns: after all of that was acknowledged by Kafka. If a manifest
 * or dead letter cannot be published the message is nacked and the channel's failure strategy (fail)
 * stops consumption, so the whole message is re-read after a restart (records and manifests keep their
 * deterministic ids; a version the ledger has as COMPLETED is skipped as DUPLICATE_EVENT).
 */
@ApplicationScoped
public class BlobEventConsumer {

    private static final Logger LOG = Logger.getLogger(BlobEventConsumer.class);

    @Inject
    FileIngestion ingestion;

    @Inject
    FileLedger ledger;

    @Inject
    StateLoader state;

    @Inject
    RawRecordPublisher records;

    @Inject
    TransactionalRecordPublisher transactionalRecords;

    @Inject
    io.netflixlakehouse.ingest.config.IngestConfig config;

    @Inject
    ManifestPublisher manifests;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    IngestMetrics metrics;

    @Incoming("blob-events")
    @Blocking
    public void onBlobEvent(String payload) {
        state.awaitLoaded();
        for (EventDecision event : ingestion.events(payload)) {
            long started = System.nanoTime();
            RecordSink sink = config.exactlyOnce() ? transactionalRecords.openFile() : records.openFile();
            handle(ingestion.ingest(event, sink), started);
        }
    }

    private void handle(IngestOutcome outcome, long started) {
        if (outcome instanceof IngestOutcome.Skipped skipped) {
            metrics.file(FileIngested.Status.SKIPPED, skipped.why());
            LOG.debugf("Skipped blob event %s: %s", skipped.blobEventId(), skipped.why().text());
            return;
        }
        IngestOutcome.Handled handled = (IngestOutcome.Handled) outcome;
        FileIngested manifest = handled.manifest();
        if (handled.deadLetter() != null) {
            deadLetters.publish(handled.deadLetter());
            metrics.deadLetter(handled.deadLetter().reason());
        }
        manifests.publish(manifest);
        ledger.record(manifest);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (handled.dataset() != null && (handled.failure() == null || handled.failure().reason() != Reason.PUBLISH_FAILED)) {
            metrics.recordsPublished(handled.dataset(), manifest.records());
            metrics.raggedRows(handled.dataset(), handled.raggedRows());
            metrics.rescuedRows(handled.dataset(), handled.rescuedRows());
        }
        metrics.file(manifest.status(), handled.failure());
        if (handled.failure() == null) {
            LOG.infof("Ingested %s (%s): %d records of dataset %s, %d ragged, %d rescued, in %d ms",
                    manifest.sourceUrl(), manifest.eTag(), manifest.records(), manifest.dataset(), handled.raggedRows(),
                    handled.rescuedRows(), millis);
        } else if (manifest.status() == FileIngested.Status.SKIPPED) {
            LOG.infof("Skipped %s (%s): %s", manifest.sourceUrl(), manifest.eTag(), manifest.reason());
        } else {
            LOG.warnf("File %s (%s) FAILED after %d records, in %d ms: %s",
                    manifest.sourceUrl(), manifest.eTag(), manifest.records(), millis, manifest.reason());
        }
    }
}
