package io.netflixlakehouse.lakewriter.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EagerFirstTest {

    private final ExecutorService bulk = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        bulk.shutdownNow();
    }

    @Test
    void shouldLetABulkBatchGoOnceTheEagerBatchInFlightHasEnded() throws Exception {
        EagerFirst priority = new EagerFirst(Duration.ZERO, Duration.ofMinutes(1));
        priority.eagerStarted();

        CompletableFuture<EagerFirst.Turn> turn = CompletableFuture.supplyAsync(() -> awaitTurn(priority), bulk);
        Thread.sleep(200);
        assertThat(turn).isNotDone();

        priority.eagerEnded();
        assertThat(turn.get(30, TimeUnit.SECONDS).timedOut()).isFalse();
    }

    @Test
    void shouldStopYieldingAfterTheLongestWait() throws Exception {
        EagerFirst priority = new EagerFirst(Duration.ZERO, Duration.ofMillis(100));
        priority.eagerStarted();

        EagerFirst.Turn turn = priority.awaitTurn();

        assertThat(turn.timedOut()).isTrue();
        assertThat(turn.waitedMillis()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void shouldWaitTheGraceEvenWhenNoEagerBatchRuns() throws Exception {
        EagerFirst.Turn turn = new EagerFirst(Duration.ofMillis(50), Duration.ofSeconds(10)).awaitTurn();

        assertThat(turn.timedOut()).isFalse();
        assertThat(turn.waitedMillis()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void shouldNotWaitWhenOff() throws Exception {
        EagerFirst priority = EagerFirst.off();
        priority.eagerStarted();

        assertThat(priority.awaitTurn().timedOut()).isTrue();
    }

    @Test
    void shouldRefuseAnEndWithoutAStart() {
        assertThatThrownBy(() -> EagerFirst.off().eagerEnded()).isInstanceOf(IllegalStateException.class);
    }

    private static EagerFirst.Turn awaitTurn(EagerFirst priority) {
        try {
            return priority.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
