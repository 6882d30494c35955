package io.netflixlakehouse.lakewriter.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.lakewriter.report.LakeReport.Reconciliation;
import java.io.UncheckedIOException;
import java.util.Map;

/** A {@link LakeReport} as one JSON document, or as a readable table. */
public final class ReportRenderer {

    private ReportRenderer() {
    }

    /** Pretty-printed JSON. */
    public static String json(LakeReport report) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Aligned plain text. */
    public static String text(LakeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Lake ").append(report.lakeRoot()).append("\n\n");
        out.append(String.format("%-34s %6s %10s  %s%n", "TABLE", "EXISTS", "ROWS", "FINGERPRINT"));
        report.tables().forEach((name, t) -> out.append(String.format("%-34s %6s %10d  %s%n",
                name, t.exists() ? "yes" : "no", t.rows(), t.fingerprint())));

        out.append("\nQuarantined records by reason\n");
        if (report.quarantineReasons().isEmpty()) {
            out.append("  (none)\n");
        }
        for (Map.Entry<String, Long> e : report.quarantineReasons().entrySet()) {
            out.append(String.format("  %-40s %10d%n", e.getKey(), e.getValue()));
        }

        Reconciliation r = report.reconciliation();
        out.append("\nReconciliation\n");
        line(out, "bronze rows", r.bronzeRows());
        line(out, "bronze distinct record_ids", r.bronzeDistinctRecordIds());
        line(out, "silver rows", r.silverRows());
        line(out, "silver distinct show_ids", r.silverDistinctShowIds());
        line(out, "quarantine distinct record_ids", r.quarantineDistinctRecordIds());
        line(out, "silver and quarantine (overlap)", r.silverQuarantineOverlap());
        line(out, "bronze in neither (missing)", r.missing());
        out.append("\nGold\n");
        line(out, "content_count sum", report.goldContentCountSum());
        line(out, "silver title x country pairs", report.silverTitleCountryPairs());
        return out.toString();
    }

    private static void line(StringBuilder out, String label, long value) {
        out.append(String.format("  %-40s %10d%n", label, value));
    }
}
