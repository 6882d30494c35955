package io.netflixlakehouse.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netflixlakehouse.launcher.pipeline.Progress;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import io.netflixlakehouse.launcher.process.Java;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code lake-writer baseline} (the bare Spark batch job) on a file as a process of its own, timed the way
 * the pipeline is: wall time from start to exit, resident memory sampled from {@code /proc}.
 */
public final class BaselineRunner {

    /** Heap of the baseline JVM: the lake-writer's script reads it from LAKE_WRITER_HEAP. */
    public static final String HEAP = "1536m";
    /** Samples a quarter of a second apart: the CPU time read last before the exit misses at most that. */
    private static final long SAMPLE_EVERY_MILLIS = 250;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What the baseline did.
     *
     * @param wallMillis start to exit of its JVM (start-up included, as for the pipeline's services)
     * @param peak its resident memory
     * @param cpu its CPU time (user + system), as last sampled before it ended
     * @param result the job's own JSON line (rows, quarantined, silver, gold, stepMillis)
     */
    public record Outcome(long wallMillis, ProcessSampler.Peak peak, Duration cpu, JsonNode result) {
    }

    private final Path home;
    private final Progress progress;

    public BaselineRunner(Path home, Progress progress) {
        this.home = home;
        this.progress = progress;
    }

    public Outcome run(Path csv, Path lakeRoot, Path logFile, Duration timeout)
            throws InterruptedException, TimeoutException {
        Path script = ServiceCatalog.lakeWriterScript(home);
        Path rules = home.resolve("quality-service/src/main/resources/application.properties");
        List<String> command = List.of(script.toString(), "baseline", "--csv", csv.toString(),
                "--lake-root", lakeRoot.toString(), "--rules", rules.toString());
        long start = System.nanoTime();
        try (ManagedProcess process = ManagedProcess.start("baseline", command,
                Map.of("JAVA_HOME", Java.home().toString(), "LAKE_WRITER_HEAP", HEAP), lakeRoot.getParent(), logFile)) {
            ProcessSampler memory = new ProcessSampler(() -> Map.of("baseline", process.liveHandles()));
            long deadline = start + timeout.toNanos();
            while (process.isAlive()) {
                memory.sample();
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the baseline did not end within " + timeout + " (log: " + logFile + ")");
                }
                progress.update("baseline", "running (" + (System.nanoTime() - start) / 1_000_000_000L + " s)");
                Thread.sleep(SAMPLE_EVERY_MILLIS);
            }
            long wallMillis = (System.nanoTime() - start) / 1_000_000L;
            int exit = process.waitFor(Duration.ofSeconds(5));
            if (exit != 0) {
                throw new IllegalStateException("the baseline failed with exit code " + exit + " (log: " + logFile
                        + ")\n" + process.tail(30));
            }
            return new Outcome(wallMillis, memory.total(), memory.cpu().total(), resultLine(logFile));
        }
    }

    private static JsonNode resultLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("{\"rows\":")) {
                    return MAPPER.readTree(lines.get(i));
                }
            }
            throw new IllegalStateException("the baseline printed no result line (log: " + log + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline log " + log, e);
        }
    }
}
