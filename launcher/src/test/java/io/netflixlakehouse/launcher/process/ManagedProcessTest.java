package io.netflixlakehouse.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteOutputAndEnvironmentToTheLogFile() throws Exception {
        Path log = dir.resolve("logs/echo.log");
        ManagedProcess process = ManagedProcess.start("echo",
                List.of("sh", "-c", "echo one; echo two 1>&2; echo \"$GREETING\""), Map.of("GREETING", "three"),
                dir, log);

        assertThat(process.waitFor(Duration.ofSeconds(10))).isZero();
        assertThat(Files.readAllLines(log)).containsExactlyInAnyOrder("one", "two", "three");
        assertThat(process.tail(2)).isEqualTo("two\nthree");
    }

    @Test
    void shouldStopAProcessTreeIncludingAChildTheWrapperStarted() throws Exception {
        // The shell does not exec: its child sleep would survive if only the shell were signalled.
        ManagedProcess process = ManagedProcess.start("wrapper", List.of("sh", "-c", "sleep 300; echo done"),
                Map.of(), dir, dir.resolve("wrapper.log"));
        awaitChild(process);
        List<ProcessHandle> tree = process.liveHandles();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2);

        process.stop(Duration.ofSeconds(5));

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void shouldKillAProcessThatIgnoresSigterm() throws Exception {
        ManagedProcess process = ManagedProcess.start("stubborn",
                List.of("sh", "-c", "trap '' TERM; while true; do sleep 1; done"), Map.of(), dir,
                dir.resolve("stubborn.log"));
        awaitChild(process);

        process.stop(Duration.ofMillis(500));

        assertThat(process.liveHandles()).isEmpty();
    }

    @Test
    void shouldReportAnEndedProcessWithItsLogTail() throws Exception {
        ManagedProcess process = ManagedProcess.start("failing", List.of("sh", "-c", "echo broken config; exit 3"),
                Map.of(), dir, dir.resolve("failing.log"));
        process.waitFor(Duration.ofSeconds(10));

        assertThatThrownBy(process::requireAlive)
                .isInstanceOf(ProcessExitedException.class)
                .hasMessageContaining("failing exited with code 3")
                .hasMessageContaining("broken config");
    }

    @Test
    void shouldTailOnlyTheLastLines() throws Exception {
        Path log = dir.resolve("long.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);

        assertThat(ManagedProcess.tail(log, 3)).isEqualTo("line 998\nline 999\nline 1000");
        assertThat(ManagedProcess.tail(dir.resolve("absent.log"), 3)).startsWith("(no log at");
    }

    private static void awaitChild(ManagedProcess process) throws InterruptedException {
        for (int i = 0; i < 100 && process.liveHandles().size() < 2; i++) {
            Thread.sleep(50);
        }
    }
}
