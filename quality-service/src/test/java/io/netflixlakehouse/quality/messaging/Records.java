package io.netflixlakehouse.quality.messaging;

import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.quality.GoldenTitle;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Test inputs: raw records as the ingest-service produces them, wrapped in observable messages. */
final class Records {

    static final String URL = "http://127.0.0.1:10000/devstoreaccount1/landing/netflix_titles.csv";

    private Records() {
    }

    static Map<String, String> goodFields(String showId) {
        Map<String, String> fields = GoldenTitle.fields();
        fields.put("show_id", showId);
        return fields;
    }

    static RawRecord raw(String id, Map<String, String> fields) {
        Lineage lineage = new Lineage(URL, "0x8DC", 7, 8, "evt-1", Instant.parse("2026-11-24T09:00:00Z"),
                Instant.parse("2026-11-24T09:00:01Z"));
        return new RawRecord(1, id, Instant.parse("2026-11-24T09:00:01Z"), "titles", fields.get("show_id"), fields, lineage);
    }

    /** A message whose ack and nack are observable, as a Kafka record's would be. */
    static final class Tracked {
        final CompletableFuture<Void> acked = new CompletableFuture<>();
        final AtomicReference<Throwable> nacked = new AtomicReference<>();
        final Message<RawRecord> message;

        Tracked(RawRecord raw) {
            this.message = Message.of(raw)
                    .withAck(() -> {
                        acked.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        nacked.set(failure);
                        return CompletableFuture.completedFuture(null);
                    });
        }
    }

    /** Waits for an asynchronous condition; fails the test after 10 s. Not a timing assertion. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
