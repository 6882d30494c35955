package io.netflixlakehouse.lakewriter.report;

import java.util.Map;

/**
 * What the lake holds, for humans and for the launcher's reconciliation.
 *
 * @param lakeRoot the lake root reported on
 * @param tables per table (SQL view name): existence, rows, content fingerprint
 * @param quarantineReasons rule name to quarantined records that failed it (a record failing two rules counts under each)
 * @param reconciliation record-level reconciliation between bronze, silver and quarantine
 * @param goldContentCountSum sum of content_count over the gold table
 * @param silverTitleCountryPairs (silver title x country) pairs, a title with no country counting once:
 *     what {@code goldContentCountSum} should equal
 */
public record LakeReport(
        String lakeRoot,
        Map<String, TableSummary> tables,
        Map<String, Long> quarantineReasons,
        Reconciliation reconciliation,
        long goldContentCountSum,
        long silverTitleCountryPairs) {

    /**
     * One table.
     *
     * @param exists whether the Delta table exists (a missing table reports as empty)
     * @param rows row count
     * @param fingerprint order-independent hash of the business columns (no Kafka or wall-clock columns):
     *     equal content gives an equal fingerprint
     */
    public record TableSummary(boolean exists, long rows, String fingerprint) {
    }

    /**
     * Bronze vs silver vs quarantine, by record_id (silver holds one row per show_id).
     *
     * @param bronzeRows rows of bronze
     * @param bronzeDistinctRecordIds distinct record_ids in bronze
     * @param silverRows rows of silver
     * @param silverDistinctShowIds distinct show_ids in silver
     * @param quarantineDistinctRecordIds distinct record_ids in quarantine
     * @param silverQuarantineOverlap record_ids both in silver and in quarantine (should be 0)
     * @param missing bronze record_ids in neither silver nor quarantine (dropped, or superseded by a newer version)
     */
    public record Reconciliation(
            long bronzeRows,
            long bronzeDistinctRecordIds,
            long silverRows,
            long silverDistinctShowIds,
            long quarantineDistinctRecordIds,
            long silverQuarantineOverlap,
            long missing) {
    }
}
