package io.netflixlakehouse.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing folder's watcher on a real folder, its events collected in a list. With a full scan once an hour, a file
 * landed after the first scan can only be found through a file-system event.
 */
class LandingFolderWatcherTest {

    private static final Duration HOURLY = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final List<BlobCreatedEvent> announced = new CopyOnWriteArrayList<>();
    private LandingFolderWatcher watcher;

    @AfterEach
    void stop() throws InterruptedException {
        if (watcher != null) {
            watcher.close();
        }
    }

    private Path landing() throws IOException {
        return Files.createDirectories(dir.resolve("landing"));
    }

    private void start(boolean events, Duration settle, Duration pollInterval) throws IOException {
        watcher = new LandingFolderWatcher(landing(), new AnnouncedStateStore(dir.resolve("state")), events, settle,
                pollInterval, announced::add);
        watcher.start();
    }

    /** Lands {@code name} atomically: written under a hidden name, then renamed. */
    private Path land(String name, String content) throws IOException {
        Path staged = Files.writeString(landing().resolve("." + name + ".tmp"), content);
        return Files.move(staged, landing().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts the watcher on a folder holding one file and waits until the first full scan announced it. */
    private void startAfterFirstScan(boolean events, Duration settle, Duration pollInterval) throws Exception {
        land("before.csv", "show_id\ns0\n");
        start(events, settle, pollInterval);
        until(() -> announcedNames().contains("before.csv"), "the first scan's announcement");
    }

    private List<String> announcedNames() {
        return announced.stream().map(event -> event.subject().replaceAll(".*/blobs/", "")).toList();
    }

    private List<BlobCreatedEvent> eventsOf(String name) {
        return announced.stream().filter(event -> event.subject().endsWith("/blobs/" + name)).toList();
    }

    private Map<String, String> savedState() {
        try {
            return new AnnouncedStateStore(dir.resolve("state")).load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never happened: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void shouldAnnounceAFileLandedAfterTheFirstScanOnceWhenAnEventWakesTheWatcher() throws Exception {
        startAfterFirstScan(true, Duration.ofMillis(50), HOURLY);
        assertThat(watcher.eventsEnabled()).isTrue();

        Path file = land("netflix_titles.csv", "show_id,title\ns1,One\n");
        until(() -> !eventsOf("netflix_titles.csv").isEmpty(), "the landed file's event");
        land("second_titles.csv", "show_id,title\ns2,Two\n");
        until(() -> !eventsOf("second_titles.csv").isEmpty(), "the next file's event");

        assertThat(eventsOf("netflix_titles.csv")).singleElement().satisfies(event -> {
            assertThat(event.data().url()).isEqualTo(file.toUri().toString());
            assertThat(event.data().contentLength()).isEqualTo(Files.size(file));
        });
        assertThat(announcedNames()).containsExactly("before.csv", "netflix_titles.csv", "second_titles.csv");
        // the state is written once Kafka acknowledged the event, so just after the publisher returned
        until(() -> savedState().size() == 3, "the state of three announcements");
        assertThat(savedState()).containsOnlyKeys("before.csv", "netflix_titles.csv", "second_titles.csv");
    }

    @Test
    void shouldNotAnnounceAFileWhileItIsStillBeingWritten() throws Exception {
        startAfterFirstScan(true, Duration.ofSeconds(2), HOURLY);
        Path growing = landing().resolve("growing_titles.csv");

        try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW)) {
            out.write("show_id,title\n".getBytes(StandardCharsets.UTF_8));
            for (int row = 1; row <= 100; row++) {
                out.write(("s" + row + ",Title " + row + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(10);
            }
        }
        long finalSize = Files.size(growing);
        until(() -> !eventsOf("growing_titles.csv").isEmpty(), "the written file's event");

        // an announcement while it grew would come first, with a smaller size
        assertThat(eventsOf("growing_titles.csv")).singleElement()
                .satisfies(event -> assertThat(event.data().contentLength()).isEqualTo(finalSize));
    }

    @Test
    void shouldWatchAFolderMovedInAndAnnounceTheFilesInIt() throws Exception {
        startAfterFirstScan(true, Duration.ofMillis(50), HOURLY);
        Path staging = Files.createDirectories(dir.resolve("staging").resolve("seed"));
        Files.writeString(staging.resolve("netflix_titles.csv"), "show_id\n1\n");

        Files.move(staging, landing().resolve("seed"), StandardCopyOption.ATOMIC_MOVE);
        until(() -> announcedNames().contains("seed/netflix_titles.csv"), "the moved-in folder's file");
        Files.writeString(landing().resolve("seed").resolve(".cast.csv.tmp"), "show_id,cast\n1,A\n");
        Files.move(landing().resolve("seed").resolve(".cast.csv.tmp"), landing().resolve("seed").resolve("cast.csv"),
                StandardCopyOption.ATOMIC_MOVE);
        until(() -> announcedNames().contains("seed/cast.csv"), "a file landed in the new folder");

        assertThat(announcedNames()).containsExactly("before.csv", "seed/netflix_titles.csv", "seed/cast.csv");
    }

    @Test
    void shouldFindFilesByFullScansAloneWhenEventsAreOff() throws Exception {
        startAfterFirstScan(false, Duration.ZERO, Duration.ofMillis(20));
        assertThat(watcher.eventsEnabled()).isFalse();

        land("netflix_titles.csv", "show_id,title\ns1,One\n");
        until(() -> !eventsOf("netflix_titles.csv").isEmpty(), "the landed file's event");

        assertThat(announcedNames()).containsExactly("before.csv", "netflix_titles.csv");
    }

    @Test
    void shouldNotAnnounceAgainAfterARestart() throws Exception {
        startAfterFirstScan(true, Duration.ofMillis(50), HOURLY);
        land("netflix_titles.csv", "show_id,title\ns1,One\n");
        until(() -> !eventsOf("netflix_titles.csv").isEmpty(), "the landed file's event");
        watcher.close();

        start(true, Duration.ofMillis(50), HOURLY);
        land("after_titles.csv", "show_id,title\ns2,Two\n");
        until(() -> !eventsOf("after_titles.csv").isEmpty(), "the file landed after the restart");

        assertThat(announcedNames()).containsExactly("before.csv", "netflix_titles.csv", "after_titles.csv");
    }
}
