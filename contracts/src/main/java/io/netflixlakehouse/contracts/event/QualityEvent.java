package io.netflixlakehouse.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the quality event log (as the data_quality section of Delta Live Tables' event log): what the
 * expectations of one dataset did to the records of one file in one consumed batch, or why a file failed, or
 * which quarantined records a re-drive released. Summed per file, {@code received = validated + quarantined + dropped}.
 *
 * @param schemaVersion version of this record's schema
 * @param id deterministic event id (dataset, file, batch, kind)
 * @param eventTime when the batch was judged
 * @param kind what this event reports
 * @param dataset the dataset name
 * @param ruleSetVersion version of the rule set that judged the records (null for an unknown dataset)
 * @param sourceUrl the file's blob url
 * @param eTag the file version
 * @param fileId {@link io.netflixlakehouse.contracts.RecordIds#ofFile}
 * @param batchId the consumed batch: its first offset per topic-partition
 * @param received records of this file in this batch
 * @param validated of which sent to the validated topic (warnings included)
 * @param quarantined of which sent to quarantine by a quarantine or fail rule, an unknown dataset or a stopped flow
 * @param dropped of which failed only drop rules (also written to quarantine)
 * @param rules per rule: records passed and failed
 * @param failure the failed {@code fail} rule and record, for {@link Kind#FILE_FAILED}; null otherwise
 * @param releasedRecordIds record ids re-drive sent on to validated, for {@link Kind#RELEASED}; empty otherwise
 */
public record QualityEvent(
        int schemaVersion,
        String id,
        Instant eventTime,
        Kind kind,
        String dataset,
        String ruleSetVersion,
        String sourceUrl,
        String eTag,
        String fileId,
        String batchId,
        long received,
        long validated,
        long quarantined,
        long dropped,
        List<RuleCount> rules,
        Failure failure,
        List<String> releasedRecordIds) {

    public static final int SCHEMA_VERSION = 1;

    /** What an event reports. */
    public enum Kind {
        /** Counts of one file's records in one consumed batch. */
        BATCH,
        /** A {@code fail} rule stopped the dataset's flow on a record of this file. */
        FILE_FAILED,
        /** Quarantined records of this file that a re-drive sent on to validated: no longer quarantined. */
        RELEASED
    }

    /**
     * One rule's outcome counts.
     *
     * @param rule the rule's name
     * @param group the rule's group (null when it has none)
     * @param action warn, drop, quarantine or fail
     * @param passed records for which the expression was TRUE or NULL
     * @param failed records for which it was FALSE
     */
    public record RuleCount(String rule, String group, String action, long passed, long failed) {
    }

    /**
     * The record that failed a {@code fail} rule.
     *
     * @param rule the rule's name
     * @param expression its SQL expression
     * @param recordId the record's id
     * @param recordNumber its record number in the file
     * @param lineNumber its first line in the file
     * @param message the alert's message
     */
    public record Failure(String rule, String expression, String recordId, long recordNumber, long lineNumber,
            String message) {
    }
}
