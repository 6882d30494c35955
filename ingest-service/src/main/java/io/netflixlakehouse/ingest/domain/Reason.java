package io.netflixlakehouse.ingest.domain;

/** Reason codes of every ingest decision that is not a plain success; each is a named policy. */
public enum Reason {
    /** The event is not a {@code Microsoft.Storage.BlobCreated}: skipped, nothing published. */
    NOT_BLOB_CREATED,
    /** The blob operation is not one that completes a blob (e.g. PutBlock): skipped. */
    API_NOT_INGESTED,
    /** The event is not valid JSON or lacks a field ingestion needs: FAILED manifest, url null. */
    MALFORMED_EVENT,
    /**
     * The url is not under the landing root or a configured storage account and container (another host,
     * {@code ..}, an encoded separator, a symlink out of the root): FAILED, never read.
     */
    URL_NOT_ALLOWED,
    /** The file the event names does not exist (or is not a regular file): FAILED. */
    BLOB_NOT_FOUND,
    /** The same file version (url, eTag) was already ingested (the ledger says COMPLETED): skipped, counted. */
    DUPLICATE_EVENT,
    /** A new version (eTag) of an ingested blob, and the dataset does not allow overwrites: SKIPPED manifest. */
    OVERWRITE_NOT_ALLOWED,
    /** The blob store stayed unreachable (5xx, timeout, reset) through every retry with backoff: FAILED. */
    STORAGE_UNAVAILABLE,
    /** The blob store refused the service's credentials (401/403): FAILED. */
    STORAGE_ACCESS_DENIED,
    /** No dataset spec's source (container, prefix, glob) matches the file: FAILED, dead-lettered. */
    UNKNOWN_DATASET,
    /** The file has no header row, a duplicate column name, or lacks a key column: FAILED, dead-lettered. */
    INVALID_HEADER,
    /** The file is not text in the dataset's encoding (e.g. binary): FAILED at the line of the first bad byte. */
    NOT_CSV,
    /** The header has columns not in the schema and the dataset's mode is failOnNewColumns: FAILED, dataset stopped. */
    NEW_COLUMNS,
    /** The dataset was stopped by an earlier NEW_COLUMNS failure: FAILED until its spec is changed and the service restarted. */
    DATASET_STOPPED,
    /** The CSV is broken (e.g. unterminated quote): the records before it are published, then FAILED. */
    CSV_PARSE_ERROR,
    /** Reading the file failed with an I/O error: the records before it are published, then FAILED. */
    READ_ERROR,
    /** Kafka did not acknowledge every record: FAILED. */
    PUBLISH_FAILED
}
