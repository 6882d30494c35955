package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.launcher.domain.LakeReport;
import io.netflixlakehouse.launcher.domain.Reconciliation;
import io.netflixlakehouse.launcher.domain.SummaryPrinter;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import io.netflixlakehouse.launcher.process.ProcessExitedException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * {@code lakehouse demo}: a fresh run folder, the whole pipeline started, one file dropped into the landing folder,
 * a wait until it has gone all the way into the lake, then the lake report and the reconciliation.
 */
public final class DemoRun {

    /** Exit codes. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int TIMED_OUT = 2;
    public static final int MISMATCH = 3;

    private static final Duration MAX_START = Duration.ofMinutes(2);
    private static final int TAIL_LINES = 25;

    /**
     * @param home the repository root
     * @param file the file to land
     * @param workDir where run folders are created ({@code runs/<timestamp>})
     * @param timeout for the whole run, start to report
     * @param keepRunning keep the pipeline up after the report, until Ctrl-C
     */
    public record Options(Path home, Path file, Path workDir, Duration timeout, boolean keepRunning) {
    }

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    public DemoRun(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public int run() throws InterruptedException {
        if (!java.nio.file.Files.isRegularFile(options.file())) {
            err.println("FAILED: no file to land at " + options.file());
            return FAILED;
        }
        Instant deadline = Instant.now().plus(options.timeout());
        RunLayout run = RunLayout.createUnder(options.workDir());
        Progress progress = new Progress(out);
        progress.info("run", run.root().toString());
        PipelineStack stack;
        try {
            stack = PipelineStack.start(PipelineStack.Settings.forHome(options.home(), run,
                    min(MAX_START, Duration.between(Instant.now(), deadline))), progress);
        } catch (ProcessExitedException e) {
            err.println("FAILED to start: " + e.getMessage());
            return FAILED;
        } catch (TimeoutException e) {
            err.println("TIMEOUT while starting: " + e.getMessage());
            return TIMED_OUT;
        } catch (RuntimeException e) {
            err.println("FAILED to start: " + e.getMessage());
            return FAILED;
        }
        Thread hook = new Thread(() -> {
            if (!stack.isClosed()) {
                progress.info("stop", "interrupted: stopping the services, then the broker");
                stack.close();
            }
        }, "lakehouse-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean keepStack = false;
        try {
            int code = dropAndWait(stack, progress, deadline);
            if (code == OK || code == MISMATCH) {
                keepStack = options.keepRunning();
            }
            if (keepStack) {
                return keepRunning(stack) ? code : FAILED;
            }
            return code;
        } finally {
            if (!keepStack) {
                progress.info("stop", "stopping the services, then the broker");
                stack.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is already running.
                }
            }
        }
    }

    private int dropAndWait(PipelineStack stack, Progress progress, Instant deadline) throws InterruptedException {
        RunLayout run = stack.run();
        try {
            Path landed = LandingDrop.drop(options.file(), run.landing());
            Instant dropped = Instant.now();
            progress.info("landing", "dropped " + landed);
            CompletionWatcher watcher = new CompletionWatcher(stack.bootstrapServers(), stack.admin(),
                    stack::checkAlive, progress);
            FileIngested manifest = watcher.awaitManifest(landed, deadline);
            progress.info("ingest", "manifest " + manifest.status() + ": " + manifest.records() + " records");
            watcher.awaitDrained(stack.consumerGroups(), deadline);
            Duration elapsed = Duration.between(dropped, Instant.now());
            progress.info("drain", "every consumer group is at lag 0");
            progress.info("report", "reading the lake (lake-writer report)");
            LakeReport report = new LakeWriterTool(options.home()).report(run.lake(), run.logs());
            out.println();
            out.print(SummaryPrinter.format(manifest.records(), report, run.lake(), elapsed));
            out.println();
            out.println("Logs: " + run.logs());
            return Reconciliation.of(manifest.records(), report).ok() ? OK : MISMATCH;
        } catch (ProcessExitedException e) {
            err.println("FAILED: " + e.getMessage());
            return FAILED;
        } catch (CompletionWatcher.IngestFailedException e) {
            err.println("FAILED: " + e.getMessage());
            err.println(tailOf(run.log(ServiceCatalog.INGEST)));
            return FAILED;
        } catch (TimeoutException e) {
            err.println("TIMEOUT after " + options.timeout() + ": " + e.getMessage());
            err.println(stack.logTails(TAIL_LINES));
            return TIMED_OUT;
        } catch (RuntimeException e) {
            err.println("FAILED: " + e.getMessage());
            err.println(stack.logTails(TAIL_LINES));
            return FAILED;
        }
    }

    /** Waits until Ctrl-C (true) or until a process ends by itself (false). */
    private boolean keepRunning(PipelineStack stack) throws InterruptedException {
        out.println();
        out.println("The pipeline keeps running. Drop more files (atomically: copy, then rename) into:");
        out.println("  " + stack.run().landing());
        out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
        out.println("Press Ctrl-C to stop everything.");
        while (!stack.isClosed()) {
            try {
                stack.checkAlive();
            } catch (ProcessExitedException e) {
                if (!stack.isClosed()) {
                    err.println("FAILED: " + e.getMessage());
                    stack.close();
                    return false;
                }
                return true;
            }
            Thread.sleep(2000);
        }
        return true;
    }

    private static String tailOf(Path log) {
        return "---- " + log + "\n" + ManagedProcess.tail(log, TAIL_LINES);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
