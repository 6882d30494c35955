package io.netflixlakehouse.lakewriter.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT request a graceful stop instead of killing the JVM, so the command can finish
 * its micro-batches and exit 0; a second signal halts at once (exit 130). A shutdown hook covers
 * the other ways the JVM may end.
 */
final class StopSignal {

    private final AtomicBoolean requested = new AtomicBoolean();

    private StopSignal() {
    }

    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (stop.requested.getAndSet(true)) {
                    System.err.println("lake-writer: second SIG" + name + ", halting without waiting for micro-batches");
                    Runtime.getRuntime().halt(130);
                }
            });
        }
        return stop;
    }

    boolean requested() {
        return requested.get();
    }

    /** Runs {@code action} if the JVM shuts down while the command still runs. */
    void onShutdown(Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.set(true);
            action.run();
        }, "lake-writer-shutdown"));
    }
}
