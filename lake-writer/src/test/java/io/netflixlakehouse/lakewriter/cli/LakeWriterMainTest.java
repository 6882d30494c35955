package io.netflixlakehouse.lakewriter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.TestLakes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as the launcher runs it; each command starts and stops its own Spark session. */
class LakeWriterMainTest {

    @TempDir
    static Path dir;

    private static Path lake;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeLake() {
        lake = dir.resolve("lake");
        TestLakes.write(Fixtures.spark(), lake, false);
        // left running: the first command reuses and stops it
    }

    private int run(String... args) {
        CommandLine cmd = LakeWriterMain.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void shouldPrintTheReportAsOneJsonDocument() throws Exception {
        int exit = run("report", "--lake-root", lake.toString(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = Json.mapper().readTree(out.toString());
        assertThat(report.at("/tables/bronze_titles/rows").asLong()).isEqualTo(6);
        assertThat(report.at("/tables/silver_titles/fingerprint").asText()).hasSize(32);
        // s3 was released by a re-drive (TestLakes): only s4 is still quarantined, and nothing overlaps.
        assertThat(report.at("/quarantineReasons/a").asLong()).isEqualTo(1);
        assertThat(report.at("/reconciliation/silverQuarantineOverlap").asLong()).isEqualTo(0);
        assertThat(report.at("/reconciliation/missing").asLong()).isEqualTo(2);
        assertThat(report.at("/goldContentCountSum").asLong()).isEqualTo(4);
        assertThat(report.at("/silverTitleCountryPairs").asLong()).isEqualTo(4);
    }

    @Test
    void shouldRunSqlOverTheTablesRegisteredAsViews() {
        int exit = run("sql", "--lake-root", lake.toString(), "--limit", "2",
                "SELECT show_id, countries FROM silver_titles ORDER BY show_id");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("|show_id|countries             |")
                .contains("|s1     |[India, United States]|")
                .contains("only showing top 2 rows")
                .doesNotContain("s3");
    }

    @Test
    void shouldExitWith2WhenTheLakeRootHasNoTables() {
        int exit = run("report", "--lake-root", dir.resolve("empty").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no Delta tables under");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnreadableTriggerIntervalNamingTheOption() {
        int exit = run("stream", "--lake-root", dir.toString(), "--trigger-interval", "soon");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--trigger-interval");
    }

    @Test
    void shouldRefuseANegativeLookingBulkYieldNamingTheOption() {
        int exit = run("stream", "--lake-root", dir.toString(), "--bulk-max-yield", "-1s");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--bulk-max-yield");
    }
}
