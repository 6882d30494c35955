package io.netflixlakehouse.lakewriter.job;

import java.time.Duration;

/**
 * The lake-writer's scheduling policy between its queries: bulk tables give way to eager ones. The five queries
 * share two cores, and most of a small MERGE's cost is driver work that the FAIR pools cannot order, so a bronze,
 * gold or quality-events batch that runs beside a silver batch roughly doubles the time until the silver rows are
 * visible. A bulk batch therefore first waits {@code grace} (the records of the same file reach the curated topic
 * a few hundred milliseconds after the raw one), then while an eager batch is in flight, at most
 * {@code maxYield} in all, so a busy silver table delays the bulk tables but never stops them.
 */
public final class EagerFirst {

    /** How long one bulk batch waited, and whether it stopped waiting because {@code maxYield} had passed. */
    public record Turn(long waitedMillis, boolean timedOut) {
    }

    private final long graceNanos;
    private final long maxYieldNanos;
    private int eagerInFlight;

    public EagerFirst(Duration grace, Duration maxYield) {
        if (grace.isNegative() || maxYield.isNegative()) {
            throw new IllegalArgumentException("grace and maxYield must not be negative: " + grace + ", " + maxYield);
        }
        this.graceNanos = grace.toNanos();
        this.maxYieldNanos = maxYield.toNanos();
    }

    /** A policy that never makes a bulk batch wait. */
    public static EagerFirst off() {
        return new EagerFirst(Duration.ZERO, Duration.ZERO);
    }

    /** An eager batch starts: pair with {@link #eagerEnded()} in a finally block. */
    public synchronized void eagerStarted() {
        eagerInFlight++;
    }

    /** An eager batch ended (committed or failed). */
    public synchronized void eagerEnded() {
        if (eagerInFlight == 0) {
            throw new IllegalStateException("eagerEnded without eagerStarted");
        }
        eagerInFlight--;
        notifyAll();
    }

    /** Blocks a bulk batch until its turn: after the grace, once no eager batch is in flight, or at maxYield. */
    public Turn awaitTurn() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + maxYieldNanos;
        long graceEnd = start + Math.min(graceNanos, maxYieldNanos);
        long sleep;
        while ((sleep = graceEnd - System.nanoTime()) > 0) {
            Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
        }
        synchronized (this) {
            long left;
            while (eagerInFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1L, left / 1_000_000L));
            }
            return new Turn((System.nanoTime() - start) / 1_000_000L, eagerInFlight > 0);
        }
    }
}
