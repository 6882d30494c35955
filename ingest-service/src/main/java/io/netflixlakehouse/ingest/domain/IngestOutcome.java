package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.FileIngested;

/** The result of handling one blob event (a message may hold several). */
public sealed interface IngestOutcome {

    /** Not an ingestion trigger: nothing is published, the decision is counted. */
    record Skipped(Failure why, String blobEventId) implements IngestOutcome {
    }

    /**
     * A file version was handled (completed or failed): {@code manifest} is to be published.
     *
     * @param dataset the dataset name, null if none was determined
     * @param raggedRows ragged rows among the published records
     * @param failure why it failed; null when completed
     */
    record Handled(FileIngested manifest, String dataset, long raggedRows, Failure failure) implements IngestOutcome {
    }
}
