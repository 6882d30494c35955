package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SummaryPrinterTest {

    private final LakeReport report = LakeReport.parse(LakeReportTest.REPORT);

    @Test
    void shouldListRowsPerTableWithThousandsSeparators() {
        String text = SummaryPrinter.format(8807, report, Path.of("/runs/r1/lake"), Duration.ofSeconds(42));

        assertThat(text).contains("Rows per table")
                .containsPattern("bronze_titles\\s+8,807")
                .containsPattern("gold_titles_by_type_age_country\\s+1,234");
    }

    @Test
    void shouldListQuarantineReasonsMostFrequentFirst() {
        String text = SummaryPrinter.format(8807, report, Path.of("/runs/r1/lake"), Duration.ofSeconds(42));

        assertThat(text.indexOf("duration_in_rating")).isLessThan(text.indexOf("rating_is_known"));
        assertThat(text.indexOf("rating_is_known")).isLessThan(text.indexOf("show_id_present"));
    }

    @Test
    void shouldPrintTheReconciliationLineWithItsVerdict() {
        String ok = SummaryPrinter.format(8807, report, Path.of("/runs/r1/lake"), Duration.ofSeconds(42));
        String mismatch = SummaryPrinter.format(9000, report, Path.of("/runs/r1/lake"), Duration.ofSeconds(42));

        assertThat(ok).contains("OK       landed 8807 = bronze 8807 = silver 8790 + quarantined 17")
                .contains("=> OK");
        assertThat(mismatch).contains("MISMATCH landed 9000 = bronze 8807 = silver 8790 + quarantined 17")
                .contains("=> MISMATCH");
    }

    @Test
    void shouldShowWhereTheTablesAreAndHowToQueryThem() {
        String text = SummaryPrinter.format(8807, report, Path.of("/runs/r1/lake"), Duration.ofSeconds(42));

        assertThat(text).contains("/runs/r1/lake/silver/titles")
                .contains("./lakehouse sql --lake-root /runs/r1/lake \"" + SummaryPrinter.EXAMPLE_QUERY + "\"");
    }

    @Test
    void shouldSayWhenNothingWasQuarantined() {
        LakeReport clean = LakeReport.parse("{\"tables\": {\"bronze_titles\": 1}}");

        assertThat(SummaryPrinter.format(1, clean, Path.of("/l"), Duration.ZERO))
                .contains("Quarantined rows by reason\n  none");
    }

    @Test
    void shouldFormatDurations() {
        assertThat(SummaryPrinter.formatDuration(Duration.ofMillis(12_345))).isEqualTo("12.3s");
        assertThat(SummaryPrinter.formatDuration(Duration.ofMillis(125_400))).isEqualTo("2m05.4s");
    }
}
