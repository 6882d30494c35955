package io.netflixlakehouse.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.DeadLetter;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service with every channel in memory: blob event in, raw records and a manifest out. */
@QuarkusTest
@TestProfile(IngestServiceTest.TemporaryLanding.class)
class IngestServiceTest {

    /** A landing root of its own, under a temporary folder. */
    public static class TemporaryLanding implements QuarkusTestProfile {
        static final Path ROOT;

        static {
            try {
                ROOT = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-folders")), "ingest-landing")
                        .toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lakehouse.ingest.landing.root", ROOT.toString());
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MeterRegistry registry;

    private InMemorySink<RawRecord> records;
    private InMemorySink<FileIngested> manifests;
    private InMemorySink<DeadLetter> deadLetters;

    @BeforeEach
    void clearSinks() {
        records = connector.sink("raw-records");
        manifests = connector.sink("ingest-files");
        deadLetters = connector.sink("dead-letter");
        records.clear();
        manifests.clear();
        deadLetters.clear();
    }

    private static String event(String id, String api, String url, String eTag) {
        return """
                {"id":"%s","topic":"local://test","subject":"/blobServices/default/containers/landing/blobs/x",
                 "eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-25T10:15:30.123Z",
                 "data":{"api":"%s","eTag":"%s","contentType":"text/csv","contentLength":1,"blobType":"BlockBlob",
                         "url":"%s","sequencer":"01"},
                 "dataVersion":"","metadataVersion":"1"}
                """.formatted(id, api, eTag, url);
    }

    private static String kafkaKey(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(m -> (String) m.getKey()).orElseThrow();
    }

    private static String kafkaTopic(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getTopic).orElseThrow();
    }

    @Test
    void shouldPublishEveryKaggleRecordKeyedByShowIdThenTheManifest() throws Exception {
        Path file = Files.copy(Path.of("../data/kaggle/netflix_titles.csv"),
                TemporaryLanding.ROOT.resolve("netflix_titles.csv"), StandardCopyOption.REPLACE_EXISTING);
        String url = file.toUri().toString();

        connector.<String>source("blob-events").send(event("evt-kaggle", "PutBlob", url, "0xK"));
        Eventually.until(() -> !manifests.received().isEmpty(), "a manifest");

        List<? extends Message<RawRecord>> published = records.received();
        assertThat(published).hasSize(8807);
        assertThat(published).allSatisfy(message -> {
            assertThat(kafkaKey(message)).isEqualTo(message.getPayload().key());
            assertThat(kafkaTopic(message)).isEqualTo("netflix.titles.raw.v1");
        });
        assertThat(kafkaKey(published.get(0))).isEqualTo("s1");
        assertThat(kafkaKey(published.get(8806))).isEqualTo("s8807");
        RawRecord s8420 = published.get(8419).getPayload();
        assertThat(s8420.key()).isEqualTo("s8420");
        assertThat(s8420.id()).isEqualTo(RecordIds.of(url, "0xK", 8420));
        assertThat(s8420.lineage().sourceUrl()).isEqualTo(url);
        assertThat(s8420.lineage().lineNumber()).isEqualTo(8422);
        assertThat(s8420.lineage().blobEventId()).isEqualTo("evt-kaggle");
        assertThat(s8420.lineage().blobEventTime()).hasToString("2026-11-25T10:15:30.123Z");

        Message<FileIngested> manifestMessage = manifests.received().get(0);
        FileIngested manifest = manifestMessage.getPayload();
        assertThat(manifest.status()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(manifest.records()).isEqualTo(8807);
        assertThat(manifest.dataset()).isEqualTo("titles");
        assertThat(manifest.id()).isEqualTo(RecordIds.ofFile(url, "0xK"));
        assertThat(kafkaKey(manifestMessage)).isEqualTo(manifest.id());
        assertThat(registry.counter(IngestMetrics.RECORDS, "dataset", "titles").count()).isGreaterThanOrEqualTo(8807);
    }

    @Test
    void shouldAnswerAMalformedEventWithAFailedManifestOnly() throws Exception {
        connector.<String>source("blob-events").send("{\"id\": \"broken");
        Eventually.until(() -> !manifests.received().isEmpty(), "a manifest");

        FileIngested manifest = manifests.received().get(0).getPayload();
        assertThat(manifest.status()).isEqualTo(FileIngested.Status.FAILED);
        assertThat(manifest.reason()).startsWith("MALFORMED_EVENT");
        assertThat(manifest.sourceUrl()).isNull();
        assertThat(records.received()).isEmpty();
        assertThat(deadLetters.received()).singleElement().satisfies(message -> {
            assertThat(message.getPayload().reason()).isEqualTo("MALFORMED_EVENT");
            assertThat(message.getPayload().payload()).isEqualTo("{\"id\": \"broken");
            assertThat(kafkaKey(message)).isEqualTo(message.getPayload().id());
        });
        assertThat(registry.counter(IngestMetrics.DEAD_LETTERS, "reason", "MALFORMED_EVENT").count()).isPositive();
    }

    @Test
    void shouldSkipARepeatedDeliveryOfAnIngestedVersion() throws Exception {
        Path file = Files.writeString(TemporaryLanding.ROOT.resolve("twice_titles.csv"), "show_id,title\nt1,One\n");
        String event = event("evt-twice", "PutBlob", file.toUri().toString(), "0xT");
        double duplicatesBefore = registry.counter(IngestMetrics.FILES, "status", "SKIPPED", "reason", "DUPLICATE_EVENT").count();

        connector.<String>source("blob-events").send(event);
        connector.<String>source("blob-events").send(event);
        connector.<String>source("blob-events").send(event("evt-after-twice", "PutBlob", "https://elsewhere/x.csv", "0x9"));
        Eventually.until(() -> manifests.received().size() == 2, "the file's manifest and the following event's");

        assertThat(records.received()).extracting(IngestServiceTest::kafkaKey).containsExactly("t1");
        assertThat(manifests.received()).extracting(m -> m.getPayload().blobEventId()).containsExactly("evt-twice", "evt-after-twice");
        assertThat(registry.counter(IngestMetrics.FILES, "status", "SKIPPED", "reason", "DUPLICATE_EVENT").count())
                .isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void shouldPublishNothingForASkippedApi() throws Exception {
        Path file = Files.writeString(TemporaryLanding.ROOT.resolve("skipped_titles.csv"), "show_id\ns1\n");
        double skippedBefore = registry.counter(IngestMetrics.FILES, "status", "SKIPPED", "reason", "API_NOT_INGESTED").count();

        connector.<String>source("blob-events").send(event("evt-skip", "PutBlock", file.toUri().toString(), "0x1"));
        // Events are handled in order: once the next event's manifest is out, the skipped one was handled.
        connector.<String>source("blob-events").send(event("evt-after", "PutBlob", "https://elsewhere/x.csv", "0x2"));
        Eventually.until(() -> !manifests.received().isEmpty(), "the following event's manifest");

        assertThat(manifests.received()).extracting(m -> m.getPayload().blobEventId()).containsExactly("evt-after");
        assertThat(manifests.received().get(0).getPayload().reason()).startsWith("URL_NOT_ALLOWED");
        assertThat(records.received()).isEmpty();
        assertThat(registry.counter(IngestMetrics.FILES, "status", "SKIPPED", "reason", "API_NOT_INGESTED").count())
                .isEqualTo(skippedBefore + 1);
    }

    @Test
    void shouldPublishTheRecordsBeforeAParseErrorAndAFailedManifest() throws Exception {
        Path file = Files.writeString(TemporaryLanding.ROOT.resolve("broken_titles.csv"), "show_id,title\ns1,One\ns2,\"open\n");

        connector.<String>source("blob-events").send(event("evt-broken", "PutBlob", file.toUri().toString(), "0x3"));
        Eventually.until(() -> !manifests.received().isEmpty(), "a manifest");

        assertThat(records.received()).extracting(IngestServiceTest::kafkaKey).containsExactly("s1");
        assertThat(manifests.received().get(0).getPayload().reason()).isEqualTo("CSV_PARSE_ERROR at line 3");
        assertThat(deadLetters.received()).extracting(Message::getPayload).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("CSV_PARSE_ERROR");
            assertThat(letter.lineNumber()).isEqualTo(3L);
            assertThat(letter.sourceUrl()).isEqualTo(file.toUri().toString());
        });
    }

    @Test
    void shouldIngestEveryFileOfAnEventGridBatch() throws Exception {
        Path first = Files.writeString(TemporaryLanding.ROOT.resolve("batch_a_titles.csv"), "show_id,title\na1,One\na2,Two\n");
        Path second = Files.writeString(TemporaryLanding.ROOT.resolve("batch_b_titles.csv"), "show_id,title\nb1,Three\n");
        String batch = "[" + event("evt-batch-a", "PutBlob", first.toUri().toString(), "0xA") + ","
                + event("evt-batch-b", "PutBlockList", second.toUri().toString(), "0xB") + "]";

        connector.<String>source("blob-events").send(batch);
        Eventually.until(() -> manifests.received().size() == 2, "two manifests");

        assertThat(records.received()).extracting(IngestServiceTest::kafkaKey).containsExactly("a1", "a2", "b1");
        assertThat(manifests.received()).extracting(Message::getPayload).satisfiesExactly(
                a -> {
                    assertThat(a.status()).isEqualTo(FileIngested.Status.COMPLETED);
                    assertThat(a.blobEventId()).isEqualTo("evt-batch-a");
                    assertThat(a.records()).isEqualTo(2);
                },
                b -> {
                    assertThat(b.status()).isEqualTo(FileIngested.Status.COMPLETED);
                    assertThat(b.blobEventId()).isEqualTo("evt-batch-b");
                    assertThat(b.records()).isEqualTo(1);
                });
    }
}
