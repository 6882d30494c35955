package io.netflixlakehouse.ingest.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.ingest.domain.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counters of ingestion, exposed at /q/metrics. Tags carry reason codes only (bounded cardinality). */
@ApplicationScoped
public class IngestMetrics {

    static final String FILES = "lakehouse.ingest.files";
    static final String RECORDS = "lakehouse.ingest.records.published";
    static final String RAGGED = "lakehouse.ingest.rows.ragged";
    static final String RESCUED = "lakehouse.ingest.rows.rescued";
    static final String DEAD_LETTERS = "lakehouse.ingest.dead.letters";

    @Inject
    MeterRegistry registry;

    /** One handled or skipped blob event, by status and reason code ("NONE" when completed). */
    public void file(FileIngested.Status status, Failure failure) {
        Counter.builder(FILES)
                .description("Blob events handled, by outcome")
                .tag("status", status.name())
                .tag("reason", failure == null ? "NONE" : failure.reason().name())
                .register(registry)
                .increment();
    }

    public void recordsPublished(String dataset, long count) {
        if (count > 0) {
            Counter.builder(RECORDS).description("Raw records acknowledged by Kafka")
                    .tag("dataset", dataset).register(registry).increment(count);
        }
    }

    public void raggedRows(String dataset, long count) {
        if (count > 0) {
            Counter.builder(RAGGED).description("Records whose value count differs from the header")
                    .tag("dataset", dataset).register(registry).increment(count);
        }
    }

    public void rescuedRows(String dataset, long count) {
        if (count > 0) {
            Counter.builder(RESCUED).description("Records with a _rescued_data field")
                    .tag("dataset", dataset).register(registry).increment(count);
        }
    }

    /** One dead letter published, by reason code. */
    public void deadLetter(String reason) {
        Counter.builder(DEAD_LETTERS).description("Dead letters published, by reason")
                .tag("reason", reason).register(registry).increment();
    }
}
