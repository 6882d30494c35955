package io.netflixlakehouse.lakewriter.config;

/**
 * What a micro-batch does with a Kafka record whose value does not parse into the topic's record
 * (reason code {@code MALFORMED_VALUE}): a value that is not JSON, or lacks the record id / key.
 */
public enum MalformedRecordPolicy {
    /** Leave the record out of the table, log the count per batch at WARN, go on. */
    SKIP,
    /** Fail the batch, and so the query: nothing of the batch is committed to the group. */
    FAIL
}
