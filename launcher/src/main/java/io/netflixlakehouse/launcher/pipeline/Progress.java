package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.launcher.domain.SummaryPrinter;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress lines while waiting: {@code [  12.3s] stage: detail}. A line repeats only when its text changes or
 * every few seconds, so a long wait stays readable.
 */
public final class Progress {

    private static final Duration REPEAT_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final Instant start;
    private String lastLine = "";
    private Instant lastPrinted = Instant.EPOCH;

    public Progress(PrintStream out) {
        this.out = out;
        this.start = Instant.now();
    }

    /** Prints a line unconditionally. */
    public synchronized void info(String stage, String detail) {
        print(stage + ": " + detail);
    }

    /** Prints when the text changed or some seconds have passed since the last line. */
    public synchronized void update(String stage, String detail) {
        String line = stage + ": " + detail;
        if (!line.equals(lastLine) || Duration.between(lastPrinted, Instant.now()).compareTo(REPEAT_EVERY) >= 0) {
            print(line);
        }
    }

    public Duration elapsed() {
        return Duration.between(start, Instant.now());
    }

    private void print(String line) {
        String elapsed = SummaryPrinter.formatDuration(elapsed());
        out.printf("[%8s] %s%n", elapsed, line);
        out.flush();
        lastLine = line;
        lastPrinted = Instant.now();
    }
}
