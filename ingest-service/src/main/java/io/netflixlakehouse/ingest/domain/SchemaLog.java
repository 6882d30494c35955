package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;

/** Where schema changes are recorded durably (the schemas topic in the service), before any record that uses them. */
@FunctionalInterface
public interface SchemaLog {

    /** Blocks until the change is durable. @throws RecordSink.PublishFailed if it is not */
    void record(DatasetSchemaChanged change);
}
