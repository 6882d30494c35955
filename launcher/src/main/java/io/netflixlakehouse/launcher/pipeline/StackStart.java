package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.launcher.process.ProcessExitedException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Starts a {@link PipelineStack} for a command and stops it on Ctrl-C: a failure to start is printed and given
 * the command's exit code ({@link DemoRun#FAILED} or {@link DemoRun#TIMED_OUT}), never thrown.
 *
 * @param stack the running stack, or null when it did not start
 * @param exitCode {@link DemoRun#OK} when it started
 */
public record StackStart(PipelineStack stack, int exitCode) {

    public static StackStart start(Path home, RunLayout run, Duration startTimeout, Progress progress,
            PrintStream err) throws InterruptedException {
        try {
            return new StackStart(PipelineStack.start(PipelineStack.Settings.forHome(home, run, startTimeout),
                    progress), DemoRun.OK);
        } catch (ProcessExitedException e) {
            err.println("FAILED to start: " + e.getMessage());
            return new StackStart(null, DemoRun.FAILED);
        } catch (TimeoutException e) {
            err.println("TIMEOUT while starting: " + e.getMessage());
            return new StackStart(null, DemoRun.TIMED_OUT);
        } catch (RuntimeException e) {
            err.println("FAILED to start: " + e.getMessage());
            return new StackStart(null, DemoRun.FAILED);
        }
    }

    /** A shutdown hook that stops the stack on Ctrl-C; remove it with {@link #removeStopHook} after a normal stop. */
    public static Thread addStopHook(PipelineStack stack, Progress progress) {
        Thread hook = new Thread(() -> {
            if (!stack.isClosed()) {
                progress.info("stop", "interrupted: stopping the services, then the broker");
                stack.close();
            }
        }, "lakehouse-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    public static void removeStopHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running.
        }
    }
}
