package io.netflixlakehouse.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.launcher.pipeline.DemoRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseANegativeWarmUpBeforeStartingAnything() {
        assertRefused("--warm-up-rows", "-1", "FAILED: --warm-up-rows must be 0 or more, was -1");
    }

    @Test
    void shouldRefuseNoRowsAndANegativeFreshnessCount() {
        assertRefused("--rows", "0", "FAILED: --rows must be 1 or more, was 0");
        assertRefused("--freshness-files", "-2", "FAILED: --freshness-files must be 0 or more, was -2");
    }

    private void assertRefused(String option, String value, String message) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = LakehouseCli.commandLine().execute("--home", dir.toString(), "bench", "--out",
                    dir.resolve("out").toString(), option, value);
        } finally {
            System.setErr(err);
        }

        assertThat(exit).isEqualTo(DemoRun.FAILED);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains(message);
        // refused before generating anything
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
