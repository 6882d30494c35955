package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.launcher.domain.LakeReport;
import io.netflixlakehouse.launcher.process.Java;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the lake-writer's batch commands ({@code report}, {@code sql}) as a process of their own. */
public final class LakeWriterTool {

    public static final Duration REPORT_TIMEOUT = Duration.ofMinutes(5);

    private final Path script;

    public LakeWriterTool(Path home) {
        this.script = ServiceCatalog.lakeWriterScript(home.toAbsolutePath().normalize());
    }

    /** {@link #report(Path, Path, Duration)} within {@link #REPORT_TIMEOUT}. */
    public LakeReport report(Path lakeRoot, Path logDir) throws InterruptedException {
        return report(lakeRoot, logDir, REPORT_TIMEOUT);
    }

    /**
     * Runs {@code report --lake-root <lake> --json}, stopped after {@code timeout}; its standard output goes to
     * {@code <logDir>/report-N.json}, its standard error to {@code <logDir>/report-N.log}.
     */
    public LakeReport report(Path lakeRoot, Path logDir, Duration timeout) throws InterruptedException {
        requireScript();
        try {
            Files.createDirectories(logDir);
            int n = 1;
            while (Files.exists(logDir.resolve("report-" + n + ".json"))) {
                n++;
            }
            Path out = logDir.resolve("report-" + n + ".json");
            Path err = logDir.resolve("report-" + n + ".log");
            ProcessBuilder builder = new ProcessBuilder(script.toString(), "report",
                    "--lake-root", lakeRoot.toAbsolutePath().toString(), "--json")
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("JAVA_HOME", Java.home().toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("lake-writer report did not end within " + timeout
                        + "\n" + ManagedProcess.tail(err, 30));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("lake-writer report failed with exit code " + process.exitValue()
                        + " (log: " + err + ")\n" + ManagedProcess.tail(err, 30));
            }
            try {
                return LakeReport.parse(Files.readString(out));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cannot read the lake-writer report " + out + ": " + e.getMessage()
                        + "\n" + ManagedProcess.tail(out, 20), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        }
    }

    /** Runs the lake-writer with {@code args} on this terminal and returns its exit code. */
    public int delegate(List<String> args) throws InterruptedException {
        requireScript();
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("JAVA_HOME", Java.home().toString());
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        }
    }

    private void requireScript() {
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("the lake-writer is not there or not executable: " + script);
        }
    }
}
