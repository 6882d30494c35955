package io.netflixlakehouse.launcher.domain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Formats the end-of-run summary: rows per table, quarantine reasons, reconciliation, where the tables are. */
public final class SummaryPrinter {

    /** The query shown as an example: the gold table, biggest groups first. */
    public static final String EXAMPLE_QUERY =
            "SELECT * FROM gold_titles_by_type_age_country ORDER BY content_count DESC LIMIT 10";

    /** The lake-writer's folder layout, for a report that does not give table paths. */
    private static final Map<String, String> DEFAULT_LAYOUT = Map.of(
            "bronze_titles", "bronze/titles",
            "silver_titles", "silver/titles",
            "quarantine_titles", "quarantine/titles",
            "gold_titles_by_type_age_country", "gold/titles_by_type_age_country");

    private SummaryPrinter() {
    }

    /** Where a table is: the report's path, else the lake-writer's layout under {@code lakeRoot}. */
    public static Path tablePath(LakeReport report, Path lakeRoot, String table) {
        String reported = report.tablePaths().get(table);
        if (reported != null) {
            return lakeRoot.resolve(reported).toAbsolutePath().normalize();
        }
        return lakeRoot.resolve(DEFAULT_LAYOUT.getOrDefault(table, table)).toAbsolutePath().normalize();
    }

    /**
     * @param landed records the ingest manifest counted
     * @param report the lake report
     * @param lakeRoot the folder holding the Delta tables
     * @param elapsed time from dropping the file to a drained pipeline
     */
    public static String format(long landed, LakeReport report, Path lakeRoot, Duration elapsed) {
        Path root = lakeRoot.toAbsolutePath().normalize();
        StringBuilder out = new StringBuilder();
        out.append("Pipeline drained in ").append(formatDuration(elapsed)).append('\n');
        out.append('\n').append("Rows per table\n");
        int width = report.tables().keySet().stream().mapToInt(String::length).max().orElse(0);
        report.tables().forEach((table, rows) ->
                out.append("  ").append(pad(table, width)).append("  ").append(String.format("%,10d", rows)).append('\n'));
        if (report.tables().isEmpty()) {
            out.append("  (the report lists no tables)\n");
        }

        out.append('\n').append("Quarantined rows by reason\n");
        if (report.quarantineByReason().isEmpty()) {
            out.append("  none\n");
        } else {
            int reasonWidth = report.quarantineByReason().keySet().stream().mapToInt(String::length).max().orElse(0);
            report.quarantineByReason().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> out.append("  ").append(pad(e.getKey(), reasonWidth)).append("  ")
                            .append(String.format("%,10d", e.getValue())).append('\n'));
        }

        Reconciliation reconciliation = Reconciliation.of(landed, report);
        out.append('\n').append("Reconciliation\n");
        for (Reconciliation.Check check : reconciliation.checks()) {
            String verdict = !check.known() ? "UNKNOWN" : check.ok() ? "OK" : "MISMATCH";
            out.append("  ").append(pad(verdict, 9)).append(check.detail()).append('\n');
        }
        out.append("  => ").append(reconciliation.ok() ? "OK" : "MISMATCH").append('\n');

        out.append('\n').append("Delta tables\n");
        report.tables().keySet().forEach(table -> out.append("  ").append(pad(table, width)).append("  ")
                .append(tablePath(report, root, table)).append('\n'));
        if (report.tables().isEmpty()) {
            out.append("  under ").append(root).append('\n');
        }

        out.append('\n').append("Query them\n");
        out.append("  ./lakehouse sql --lake-root ").append(root).append(" \"").append(EXAMPLE_QUERY).append("\"\n");
        out.append("  ./lakehouse report --lake-root ").append(root).append('\n');
        return out.toString();
    }

    public static String formatDuration(Duration duration) {
        long seconds = duration.toSeconds();
        long tenths = duration.toMillisPart() / 100;
        return seconds >= 60
                ? String.format("%dm%02d.%ds", seconds / 60, seconds % 60, tenths)
                : String.format("%d.%ds", seconds, tenths);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
