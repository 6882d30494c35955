package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LakeReportTest {

    static final String REPORT = """
            {"tables": {"bronze_titles": 8807, "silver_titles": 8790, "quarantine_titles": 17,
                        "gold_titles_by_type_age_country": 1234},
             "quarantineByReason": {"rating_is_known": 7, "show_id_present": 0, "duration_in_rating": 10},
             "reconciliation": {"bronzeRows": 8807, "bronzeDistinctRecordIds": 8807, "silverRows": 8790,
                                "silverDistinctShowIds": 8790, "quarantineDistinctRecordIds": 17, "overlap": 0,
                                "missing": 0, "goldContentCountSum": 10845, "silverTitleCountryPairs": 10845},
             "fingerprints": {"bronze_titles": "ab12", "silver_titles": "cd34"}}
            """;

    @Test
    void shouldReadEverySection() {
        LakeReport report = LakeReport.parse(REPORT);

        assertThat(report.tables()).containsExactly(
                org.assertj.core.api.Assertions.entry("bronze_titles", 8807L),
                org.assertj.core.api.Assertions.entry("silver_titles", 8790L),
                org.assertj.core.api.Assertions.entry("quarantine_titles", 17L),
                org.assertj.core.api.Assertions.entry("gold_titles_by_type_age_country", 1234L));
        assertThat(report.quarantineByReason()).containsEntry("duration_in_rating", 10L).hasSize(3);
        assertThat(report.counter("silverDistinctShowIds")).hasValue(8790L);
        assertThat(report.fingerprints()).containsEntry("silver_titles", "cd34");
    }

    /** The lake-writer's shape: a table is an object, reasons and gold sums under other names. */
    static final String NESTED_REPORT = """
            {
              "lakeRoot" : "/runs/r1/lake",
              "tables" : {
                "bronze_titles" : { "exists" : true, "rows" : 8807, "fingerprint" : "f1" },
                "silver_titles" : { "exists" : true, "rows" : 8790, "fingerprint" : "f2", "path" : "silver/titles" },
                "quarantine_titles" : { "exists" : true, "rows" : 17, "fingerprint" : "f3" },
                "gold_titles_by_type_age_country" : { "exists" : false, "rows" : 0, "fingerprint" : "f4" }
              },
              "quarantineReasons" : { "duration_in_rating" : 3 },
              "reconciliation" : {
                "bronzeRows" : 8807, "bronzeDistinctRecordIds" : 8807, "silverRows" : 8790,
                "silverDistinctShowIds" : 8790, "quarantineDistinctRecordIds" : 17,
                "silverQuarantineOverlap" : 0, "missing" : 0
              },
              "goldContentCountSum" : 10845,
              "silverTitleCountryPairs" : 10845
            }
            """;

    @Test
    void shouldReadTheNestedShape() {
        LakeReport report = LakeReport.parse(NESTED_REPORT);

        assertThat(report.tables()).containsEntry("bronze_titles", 8807L).containsEntry("gold_titles_by_type_age_country", 0L);
        assertThat(report.fingerprints()).containsEntry("silver_titles", "f2").hasSize(4);
        assertThat(report.tablePaths()).containsOnly(org.assertj.core.api.Assertions.entry("silver_titles", "silver/titles"));
        assertThat(report.quarantineByReason()).containsOnly(org.assertj.core.api.Assertions.entry("duration_in_rating", 3L));
        assertThat(report.counter("overlap")).hasValue(0L);
        assertThat(report.counter("goldContentCountSum")).hasValue(10845L);
        assertThat(report.counter("silverTitleCountryPairs")).hasValue(10845L);
        assertThat(Reconciliation.of(8807, report).ok()).isTrue();
    }

    @Test
    void shouldFindTheJsonAmongLogLines() {
        LakeReport report = LakeReport.parse("WARN NativeCodeLoader: no native hadoop\n" + REPORT + "\nbye\n");

        assertThat(report.table("bronze_titles")).hasValue(8807L);
    }

    @Test
    void shouldTolerateMissingSectionsAndNonNumbers() {
        LakeReport report = LakeReport.parse("""
                {"tables": {"bronze_titles": 3, "note": "text", "silver_titles": {"rows": 2, "path": "/x"}},
                 "extra": [1, 2]}
                """);

        assertThat(report.tables()).containsOnlyKeys("bronze_titles", "silver_titles");
        assertThat(report.table("silver_titles")).hasValue(2L);
        assertThat(report.quarantineByReason()).isEmpty();
        assertThat(report.reconciliation()).isEmpty();
        assertThat(report.counter("overlap")).isEmpty();
        assertThat(report.fingerprints()).isEmpty();
    }

    @Test
    void shouldRejectOutputWithoutJson() {
        assertThatThrownBy(() -> LakeReport.parse("Exception in thread main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no JSON object");
    }

    @Test
    void shouldRejectBrokenJson() {
        assertThatThrownBy(() -> LakeReport.parse("{\"tables\": {\"a\": }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }
}
