package io.netflixlakehouse.ingest.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits (bounded) for an asynchronous condition; the bound is a safety net, not an assertion on time. */
final class Eventually {

    private Eventually() {
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never happened: " + what);
            }
            Thread.sleep(10);
        }
    }
}
