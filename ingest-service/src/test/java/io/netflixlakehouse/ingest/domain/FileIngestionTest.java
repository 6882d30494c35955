package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestionTest {

    @TempDir
    Path dir;

    private Path root;
    private FileIngestion ingestion;
    private final Fixtures.CollectingSink sink = new Fixtures.CollectingSink();

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("landing"));
        ingestion = new FileIngestion(new io.netflixlakehouse.ingest.storage.LocalFolderBlobStore(root), new DatasetCatalog(List.of(Fixtures.TITLES)), Fixtures.CLOCK);
    }

    private static String event(Path file) {
        return BlobEventParserTest.event("Microsoft.Storage.BlobCreated", "PutBlob", file.toUri().toString());
    }

    /** A message that holds exactly one event, ingested into {@code into}. */
    private IngestOutcome ingestOne(String payload, RecordSink into) {
        List<EventDecision> events = ingestion.events(payload);
        assertThat(events).hasSize(1);
        return ingestion.ingest(events.get(0), into);
    }

    private FileIngested manifest(IngestOutcome outcome) {
        assertThat(outcome).isInstanceOf(IngestOutcome.Handled.class);
        return ((IngestOutcome.Handled) outcome).manifest();
    }

    @Test
    void shouldPublishEveryRecordThenACompletedManifest() throws IOException {
        Path file = Files.writeString(root.resolve("netflix_titles.csv"), "show_id,title\ns1,One\ns2,Two,extra\n");
        String url = file.toUri().toString();

        FileIngested manifest = manifest(ingestOne(event(file), sink));

        assertThat(sink.records).extracting(RawRecord::key).containsExactly("s1", "s2");
        assertThat(sink.topics).containsOnly("netflix.titles.raw.v1");
        assertThat(sink.flushes).isEqualTo(1);
        assertThat(sink.records.get(1).lineage().blobEventId()).isEqualTo("e-1");
        assertThat(manifest.status()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(manifest.records()).isEqualTo(2);
        assertThat(manifest.reason()).isNull();
        assertThat(manifest.id()).isEqualTo(RecordIds.ofFile(url, "0x1"));
        assertThat(manifest.sourceUrl()).isEqualTo(url);
        assertThat(manifest.eTag()).isEqualTo("0x1");
        assertThat(manifest.dataset()).isEqualTo("titles");
        assertThat(manifest.blobEventId()).isEqualTo("e-1");
        assertThat(manifest.eventTime()).isEqualTo(Fixtures.NOW);
        assertThat(((IngestOutcome.Handled) ingestOne(event(file), new Fixtures.CollectingSink())).raggedRows()).isEqualTo(1);
    }

    @Test
    void shouldSkipWithoutPublishing() {
        IngestOutcome outcome = ingestOne(
                BlobEventParserTest.event("Microsoft.Storage.BlobCreated", "PutBlock", "file:///x.csv"), sink);

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Skipped.class,
                skipped -> assertThat(skipped.why().reason()).isEqualTo(Reason.API_NOT_INGESTED));
        assertThat(sink.records).isEmpty();
    }

    @Test
    void shouldFailMalformedEventsWithoutUrl() {
        FileIngested manifest = manifest(ingestOne("{oops", sink));

        assertThat(manifest.status()).isEqualTo(FileIngested.Status.FAILED);
        assertThat(manifest.reason()).startsWith("MALFORMED_EVENT");
        assertThat(manifest.sourceUrl()).isNull();
        assertThat(manifest.id()).isEqualTo(RecordIds.ofFile("malformed-event", "{oops"));
        assertThat(sink.records).isEmpty();
    }

    @Test
    void shouldFailUrlsOutsideTheRootWithoutReadingThem() throws IOException {
        Path outside = Files.writeString(dir.resolve("netflix_titles.csv"), "show_id\ns1\n");

        FileIngested manifest = manifest(ingestOne(event(outside), sink));

        assertThat(manifest.reason()).startsWith("URL_NOT_ALLOWED");
        assertThat(manifest.sourceUrl()).isEqualTo(outside.toUri().toString());
        assertThat(sink.records).isEmpty();
    }

    @Test
    void shouldFailMissingFilesAndUnknownDatasets() throws IOException {
        Path unknown = Files.writeString(root.resolve("readme.csv"), "show_id\ns1\n");

        assertThat(manifest(ingestOne(event(root.resolve("netflix_titles.csv")), sink)).reason())
                .isEqualTo("BLOB_NOT_FOUND");
        assertThat(manifest(ingestOne(event(unknown), sink)).reason()).isEqualTo("UNKNOWN_DATASET (readme.csv)");
        assertThat(sink.records).isEmpty();
    }

    @Test
    void shouldPublishTheRecordsBeforeAParseErrorThenFail() throws IOException {
        Path file = Files.writeString(root.resolve("broken_titles.csv"), "show_id,title\ns1,One\ns2,\"open\n");

        FileIngested manifest = manifest(ingestOne(event(file), sink));

        assertThat(sink.records).extracting(RawRecord::key).containsExactly("s1");
        assertThat(sink.flushes).isEqualTo(1);
        assertThat(manifest.status()).isEqualTo(FileIngested.Status.FAILED);
        assertThat(manifest.reason()).isEqualTo("CSV_PARSE_ERROR at line 3");
        assertThat(manifest.records()).isEqualTo(1);
    }

    @Test
    void shouldFailTheFileWhenKafkaDoesNotAcknowledgeItsRecords() throws IOException {
        Path file = Files.writeString(root.resolve("netflix_titles.csv"), "show_id\ns1\ns2\ns3\n");

        FileIngested duringPublish = manifest(ingestOne(event(file), new Fixtures.FailingSink(2)));
        FileIngested atFlush = manifest(ingestOne(event(file), new Fixtures.FailingSink(3)));

        assertThat(duringPublish.reason()).isEqualTo("PUBLISH_FAILED (broker gone)");
        assertThat(duringPublish.records()).isEqualTo(2);
        assertThat(atFlush.status()).isEqualTo(FileIngested.Status.FAILED);
        assertThat(atFlush.reason()).startsWith("PUBLISH_FAILED");
    }

    @Test
    void shouldFailOnlyTheMalformedElementOfABatch() throws IOException {
        Path file = Files.writeString(root.resolve("netflix_titles.csv"), "show_id,title\ns1,One\n");
        String broken = "{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"id\":\"e-0\"}";

        List<EventDecision> events = ingestion.events("[" + broken + "," + event(file) + "]");
        FileIngested first = manifest(ingestion.ingest(events.get(0), sink));
        FileIngested second = manifest(ingestion.ingest(events.get(1), sink));

        assertThat(first.status()).isEqualTo(FileIngested.Status.FAILED);
        assertThat(first.reason()).isEqualTo("MALFORMED_EVENT (event 1 of 2: missing data)");
        assertThat(first.sourceUrl()).isNull();
        assertThat(first.id()).isEqualTo(RecordIds.ofFile(FileIngestion.MALFORMED_EVENT_URL, broken));
        assertThat(second.status()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(second.records()).isEqualTo(1);
        assertThat(sink.records).extracting(RawRecord::key).containsExactly("s1");
    }
}
