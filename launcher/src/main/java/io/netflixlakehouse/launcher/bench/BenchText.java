package io.netflixlakehouse.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The printed form of {@code bench-summary.json}: the figures a reader looks for first. */
final class BenchText {

    private static final double MIB = 1024.0 * 1024.0;
    /** Lag rows printed at most: the series is in the JSON. */
    private static final int LAG_ROWS = 12;

    private BenchText() {
    }

    static String format(JsonNode s) {
        StringBuilder out = new StringBuilder();
        JsonNode m = s.path("machine");
        line(out, "Machine: %d cores, %.1f GiB, %s, %s, load %.2f at start / %.2f at end", m.path("cores").asInt(),
                m.path("memoryBytes").asLong() / MIB / 1024.0, m.path("javaVersion").asText(), m.path("os").asText(),
                m.path("loadAverage").asDouble(), s.path("load1mAtEnd").asDouble());
        line(out, "Input: %,d rows (seed %d), %.1f MiB: %s", s.path("rows").asLong(), s.path("seed").asLong(),
                s.path("fileBytes").asLong() / MIB, s.path("file").asText());
        JsonNode w = s.path("warmUp");
        if (w.has("records")) {
            line(out, "Warm-up: %,d records through the stack in %.1f s before the drop (not measured)",
                    w.path("records").asLong(), w.path("seconds").asDouble());
        } else {
            line(out, "Warm-up: none (a cold stack)");
        }
        JsonNode p = s.path("pipeline");
        if (p.has("seconds")) {
            out.append('\n');
            line(out, "Pipeline (landing -> gold committed): %,d records in %.1f s = %,.0f rows/s",
                    p.path("records").asLong(), p.path("seconds").asDouble(), p.path("rowsPerSecond").asDouble());
            line(out, "Ingest (drop -> manifest read): %.1f s = %,.0f rows/s", p.path("ingestSeconds").asDouble(),
                    p.path("ingestRowsPerSecond").asDouble());
            out.append("Per stage (committed offsets over each group's active time)\n");
            p.path("stages").fields().forEachRemaining(e -> line(out, "  %-24s %,12d in %7.1f s = %,10.0f /s",
                    e.getKey(), e.getValue().path("records").asLong(), e.getValue().path("activeSeconds").asDouble(),
                    e.getValue().path("recordsPerSecond").asDouble()));
            JsonNode cpu = p.path("cpu");
            if (cpu.has("totalSeconds")) {
                line(out, "CPU from the drop to drained: %.1f s = %.1f us per record, %.2f cores busy on average",
                        cpu.path("totalSeconds").asDouble(), cpu.path("microsPerRecord").asDouble(),
                        cpu.path("coresBusy").asDouble());
                cpu.path("processes").fields().forEachRemaining(e -> line(out, "  %-24s %8.1f s = %8.1f us/record",
                        e.getKey(), e.getValue().path("seconds").asDouble(),
                        e.getValue().path("microsPerRecord").asDouble()));
            }
            out.append("Lag over time (records behind, per group)\n");
            JsonNode series = p.path("lagOverTime");
            int step = Math.max(1, (int) Math.ceil(series.size() / (double) LAG_ROWS));
            for (int i = 0; i < series.size(); i += step) {
                JsonNode point = series.get(i);
                StringBuilder lags = new StringBuilder();
                point.path("lag").fields().forEachRemaining(e -> lags.append(String.format(Locale.ROOT, "  %s=%,d",
                        e.getKey().replace("lakehouse-", ""), e.getValue().asLong())));
                line(out, "  %7.1f s%s", point.path("seconds").asDouble(), lags);
            }
            out.append("Reconciliation\n");
            p.path("reconciliation").path("checks").forEach(c -> line(out, "  %-9s%s",
                    c.path("ok").asBoolean() ? "OK" : "MISMATCH", c.path("detail").asText()));
            line(out, "  => %s", p.path("reconciliation").path("ok").asBoolean() ? "OK" : "MISMATCH");
        }
        JsonNode mem = s.path("memory");
        if (mem.has("totalPeakRssBytes")) {
            out.append("Peak memory (sampled Pss; sum of each lasting process' VmHWM in brackets)\n");
            mem.path("processes").fields().forEachRemaining(e -> line(out, "  %-18s %8.0f MiB  [%8.0f MiB]",
                    e.getKey(), e.getValue().path("peakRssBytes").asLong() / MIB,
                    e.getValue().path("highWaterBytes").asLong() / MIB));
            line(out, "  %-18s %8.0f MiB  [%8.0f MiB]", "total", mem.path("totalPeakRssBytes").asLong() / MIB,
                    mem.path("totalHighWaterBytes").asLong() / MIB);
        }
        JsonNode f = s.path("freshness");
        if (f.has("p50Seconds")) {
            line(out, "Freshness (%d files of %d rows, landed -> visible in silver): p50 %.2f s, p99 %.2f s, max %.2f s",
                    f.path("files").asInt(), f.path("rowsPerFile").asInt(), f.path("p50Seconds").asDouble(),
                    f.path("p99Seconds").asDouble(), f.path("maxSeconds").asDouble());
            line(out, "  p50 to the ingest manifest %.2f s, to the last record curated %.2f s, to every table committed"
                    + " %.1f s (each file lands once the one before it is in every table)",
                    f.path("p50ManifestSeconds").asDouble(), f.path("p50CuratedSeconds").asDouble(),
                    f.path("p50SettledSeconds").asDouble());
        }
        JsonNode b = s.path("baseline");
        if (b.has("seconds")) {
            line(out, "Baseline (bare Spark batch, local[2]): %,d rows in %.1f s = %,.0f rows/s, peak RSS %.0f MiB",
                    b.path("rows").asLong(), b.path("seconds").asDouble(), b.path("rowsPerSecond").asDouble(),
                    b.path("peakRssBytes").asLong() / MIB);
            line(out, "  CPU %.1f s = %.1f us per record, %.2f cores busy on average", b.path("cpuSeconds").asDouble(),
                    b.path("cpuMicrosPerRecord").asDouble(), b.path("coresBusy").asDouble());
        }
        if (s.has("ratioPipelineToBaseline")) {
            line(out, "Pipeline / baseline time: %.2f (throughput %.2fx the baseline's)",
                    s.path("ratioPipelineToBaseline").asDouble(), s.path("throughputVsBaseline").asDouble());
        }
        line(out, "Verdict: %s", s.path("verdict").asText());
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
