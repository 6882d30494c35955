package io.netflixlakehouse.lakewriter.config;

/**
 * What a micro-batch does with a Kafka record whose value does not parse into the topic's record
 * (reason code {@code MALFORMED_VALUE}): a value that is not JSON, or lacks the record id / key.
 */
public enum MalformedRecordPolicy {
    /** Leave the record out of the table, log the count per batch at WARN, go on (one more pass per batch). */
    SKIP,
    /**
     * Fail the batch, and so the query, naming the first such record's topic, partition and offset: the MERGE
     * stops before its commit, so nothing of the batch is in the table or committed to the group.
     */
    FAIL
}
