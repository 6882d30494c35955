package io.netflixlakehouse.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.ingest.domain.ETags;
import io.netflixlakehouse.ingest.landing.AnnouncedStateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** The landing watcher with its output channel in memory. */
@QuarkusTest
@TestProfile(LandingWatcherTest.WatchedLanding.class)
class LandingWatcherTest {

    /** Watcher on, polling fast, over a temporary landing root and state folder. */
    public static class WatchedLanding implements QuarkusTestProfile {
        static final Path DIR;

        static {
            try {
                DIR = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-folders")), "ingest-watcher")
                        .toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "lakehouse.ingest.landing.enabled", "true",
                    "lakehouse.ingest.landing.poll-interval", "20ms",
                    "lakehouse.ingest.landing.root", DIR.resolve("landing").toString(),
                    "lakehouse.ingest.state-dir", DIR.resolve("state").toString());
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void shouldAnnounceALandedFileOnceKeyedByUrlAndRememberIt() throws Exception {
        InMemorySink<BlobCreatedEvent> events = connector.sink("blob-events-out");
        Path landing = WatchedLanding.DIR.resolve("landing");
        Path staged = Files.writeString(landing.resolve("netflix_titles.csv.part"), "show_id,title\ns1,One\n");
        Path file = Files.move(staged, landing.resolve("netflix_titles.csv"), StandardCopyOption.ATOMIC_MOVE);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String eTag = ETags.of(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        Path state = WatchedLanding.DIR.resolve("state").resolve(AnnouncedStateStore.FILE_NAME);

        Eventually.until(() -> !events.received().isEmpty(), "a blob event");
        Eventually.until(() -> Files.exists(state), "the state file");

        Message<BlobCreatedEvent> message = events.received().get(0);
        BlobCreatedEvent event = message.getPayload();
        assertThat(events.received()).hasSize(1);
        assertThat(event.eventType()).isEqualTo(BlobCreatedEvent.BLOB_CREATED);
        assertThat(event.subject()).isEqualTo("/blobServices/default/containers/landing/blobs/netflix_titles.csv");
        assertThat(event.data().url()).isEqualTo(file.toUri().toString());
        assertThat(event.data().eTag()).isEqualTo(eTag);
        assertThat(event.data().contentLength()).isEqualTo(attributes.size());
        assertThat(message.getMetadata(OutgoingKafkaRecordMetadata.class)).get()
                .extracting(OutgoingKafkaRecordMetadata::getKey).isEqualTo(file.toUri().toString());
        assertThat(new AnnouncedStateStore(WatchedLanding.DIR.resolve("state")).load())
                .containsExactly(Map.entry("netflix_titles.csv", eTag));
    }
}
