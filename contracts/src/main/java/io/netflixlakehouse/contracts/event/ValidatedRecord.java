package io.netflixlakehouse.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A raw record that passed every expectation whose action removes records.
 *
 * @param schemaVersion version of this record's schema
 * @param id the raw record's id
 * @param eventTime when the record was validated
 * @param dataset the dataset name
 * @param key the dataset key
 * @param fields the raw values, unchanged
 * @param lineage where the record came from
 * @param ruleSetVersion version of the rule set that judged it
 * @param warnings names of {@code warn} rules the record failed (kept, but counted)
 */
public record ValidatedRecord(
        int schemaVersion,
        String id,
        Instant eventTime,
        String dataset,
        String key,
        Map<String, String> fields,
        Lineage lineage,
        String ruleSetVersion,
        List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;
}
