package io.netflixlakehouse.launcher.pipeline;

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
        StackStart started = StackStart.start(options.home(), run,
                min(MAX_START, Duration.between(Instant.now(), deadline)), progress, err);
        if (started.stack() == null) {
            return started.exitCode();
        }
        PipelineStack stack = started.stack();
        Thread hook = StackStart.addStopHook(stack, progress);
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
                StackStart.removeStopHook(hook);
            }
        }
    }

    private int dropAndWait(PipelineStack stack, Progress progress, Instant deadline) throws InterruptedException {
        RunLayout run = stack.run();
        try {
            FileRun file = FileRun.landAndDrain(stack, options.home(), options.file(), deadline, progress);
            Duration elapsed = Duration.between(file.dropped(), file.drained());
            out.println();
            out.print(SummaryPrinter.format(file.manifest().records(), file.report(), run.lake(), elapsed));
            out.println();
            out.println("Logs: " + run.logs());
            return Reconciliation.of(file.manifest().records(), file.report()).ok() ? OK : MISMATCH;
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
