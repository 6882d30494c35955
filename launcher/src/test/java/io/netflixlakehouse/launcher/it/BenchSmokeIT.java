package io.netflixlakehouse.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netflixlakehouse.launcher.bench.BenchRun;
import io.netflixlakehouse.launcher.pipeline.DemoRun;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lakehouse bench} on 10k rows with the baseline and three freshness files: a smoke test of the harness. It
 * checks that the run reconciles and that every figure is there and sane; it asserts no timing.
 */
class BenchSmokeIT {

    private static final long ROWS = 10_000;
    private static final int FRESHNESS_FILES = 3;
    private static final int WARM_UP_ROWS = 500;

    @TempDir
    Path dir;

    @Test
    void shouldRunThePipelineAndTheBaselineAndReportEveryFigure() throws Exception {
        Path home = TestHome.home();
        assertThat(ServiceCatalog.missingArtifacts(home)).as("build first: mvn -B -DskipTests package").isEmpty();

        int exit = new BenchRun(new BenchRun.Options(home, ROWS, 7, FRESHNESS_FILES, WARM_UP_ROWS, false, dir,
                Duration.ofMinutes(12)),
                System.out, System.err).run();

        JsonNode summary = new ObjectMapper().readTree(dir.resolve(BenchRun.SUMMARY_FILE).toFile());
        assertThat(exit).as("exit code; summary: %s", summary).isEqualTo(DemoRun.OK);
        assertThat(summary.path("verdict").asText()).isEqualTo("OK");
        assertThat(summary.path("machine").path("cores").asInt()).isPositive();
        assertThat(summary.path("machine").path("memoryBytes").asLong()).isPositive();
        assertThat(summary.path("machine").path("javaVersion").asText()).isNotBlank();

        assertThat(summary.path("warmUp").path("records").asLong()).isEqualTo(WARM_UP_ROWS);
        assertThat(summary.path("warmUp").path("seconds").asDouble()).isPositive();
        JsonNode pipeline = summary.path("pipeline");
        assertThat(pipeline.path("records").asLong()).isEqualTo(ROWS);
        assertThat(pipeline.path("reconciliation").path("ok").asBoolean()).isTrue();
        assertThat(pipeline.path("seconds").asDouble()).isPositive();
        assertThat(pipeline.path("rowsPerSecond").asDouble()).isPositive();
        List<String> groups = new ArrayList<>();
        pipeline.path("stages").fieldNames().forEachRemaining(groups::add);
        assertThat(groups).containsExactlyInAnyOrder(ServiceCatalog.QUALITY_GROUP, ServiceCatalog.CURATION_GROUP,
                ServiceCatalog.LAKE_WRITER_GROUP);
        assertThat(pipeline.path("ingestRowsPerSecond").asDouble()).isPositive();
        pipeline.path("stages").forEach(stage -> {
            assertThat(stage.path("records").asLong()).isPositive();
            assertThat(stage.path("recordsPerSecond").asDouble()).isPositive();
        });
        assertThat(pipeline.path("lagOverTime").size()).isGreaterThan(1);
        JsonNode cpu = pipeline.path("cpu");
        assertThat(cpu.path("processes").size()).isEqualTo(ServiceCatalog.NAMES.size() + 1);
        cpu.path("processes").forEach(p -> assertThat(p.path("seconds").asDouble()).isGreaterThanOrEqualTo(0));
        assertThat(cpu.path("processes").path(ServiceCatalog.INGEST).path("seconds").asDouble()).isPositive();
        assertThat(cpu.path("microsPerRecord").asDouble()).isPositive();

        JsonNode memory = summary.path("memory");
        assertThat(memory.path("processes").size()).isEqualTo(ServiceCatalog.NAMES.size() + 1);
        memory.path("processes").forEach(p -> assertThat(p.path("peakRssBytes").asLong()).isPositive());
        assertThat(memory.path("totalPeakRssBytes").asLong()).isPositive();

        JsonNode freshness = summary.path("freshness");
        assertThat(freshness.path("seconds").size()).isEqualTo(FRESHNESS_FILES);
        assertThat(freshness.path("p50Seconds").asDouble()).isPositive();
        assertThat(freshness.path("p99Seconds").asDouble()).isGreaterThanOrEqualTo(
                freshness.path("p50Seconds").asDouble());
        // every table commits a file no sooner than silver shows it
        assertThat(freshness.path("p50SettledSeconds").asDouble()).isGreaterThanOrEqualTo(
                freshness.path("p50Seconds").asDouble());

        JsonNode baseline = summary.path("baseline");
        assertThat(baseline.path("rows").asLong()).isEqualTo(ROWS);
        assertThat(baseline.path("seconds").asDouble()).isPositive();
        assertThat(baseline.path("peakRssBytes").asLong()).isPositive();
        assertThat(baseline.path("cpuSeconds").asDouble()).isPositive();
        assertThat(baseline.path("result").path("silver").asLong()).isPositive();
        assertThat(baseline.path("result").path("gold").asLong()).isPositive();
        assertThat(summary.path("ratioPipelineToBaseline").asDouble()).isPositive();
        assertThat(Files.isRegularFile(Path.of(summary.path("file").asText()))).isTrue();
    }
}
