package io.netflixlakehouse.ingest.messaging;

import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
import io.netflixlakehouse.ingest.config.IngestConfig;
import io.netflixlakehouse.ingest.domain.RecordSink;
import io.netflixlakehouse.ingest.domain.SchemaLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Records a dataset's schema change on the compacted schemas topic, keyed by dataset, and waits for Kafka. */
@ApplicationScoped
public class SchemaHistoryPublisher implements SchemaLog {

    @Inject
    @Channel("ingest-schemas")
    Emitter<DatasetSchemaChanged> emitter;

    @Inject
    IngestConfig config;

    @Override
    public void record(DatasetSchemaChanged change) {
        try {
            Acks.sendAndAwait(emitter, change, change.dataset(), config.publishTimeout(), "schema change " + change.id());
        } catch (Acks.NotAcknowledged e) {
            throw new RecordSink.PublishFailed(e.getMessage(), e);
        }
    }
}
