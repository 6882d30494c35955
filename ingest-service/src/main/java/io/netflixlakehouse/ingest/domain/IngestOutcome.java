package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.DeadLetter;
import io.netflixlakehouse.contracts.event.FileIngested;

/** The result of handling one blob event (a message may hold several). */
public sealed interface IngestOutcome {

    /** Not an ingestion trigger, or a version already ingested: nothing is published, the decision is counted. */
    record Skipped(Failure why, String blobEventId) implements IngestOutcome {
    }

    /**
     * A file version was handled (completed, failed, or skipped by policy): {@code manifest} is to be published,
     * and {@code deadLetter} before it when there is one.
     *
     * @param dataset the dataset name, null if none was determined
     * @param raggedRows ragged rows among the published records
     * @param rescuedRows records with a {@code _rescued_data} field among the published records
     * @param failure why it failed or was skipped; null when completed
     * @param deadLetter the input that could not become records, null if none
     */
    record Handled(FileIngested manifest, String dataset, long raggedRows, long rescuedRows, Failure failure,
            DeadLetter deadLetter) implements IngestOutcome {
    }
}
