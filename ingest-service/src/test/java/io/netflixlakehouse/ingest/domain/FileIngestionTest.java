package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.ingest.storage.LocalFolderBlobStore;
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
    private final SchemaHistory schemas = new SchemaHistory();
    private final Fixtures.CollectingSchemaLog schemaLog = new Fixtures.CollectingSchemaLog();
    private final FileLedger ledger = new FileLedger();

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("landing"));
        ingestion = new FileIngestion(new LocalFolderBlobStore(root), new DatasetCatalog(List.of(Fixtures.TITLES)), schemas,
                schemaLog, ledger, Fixtures.CLOCK);
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

    private static io.netflixlakehouse.contracts.event.DeadLetter dead(IngestOutcome outcome) {
        assertThat(outcome).isInstanceOf(IngestOutcome.Handled.class);
        return ((IngestOutcome.Handled) outcome).deadLetter();
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
        assertThat(dead(ingestOne(event(unknown), sink)).reason()).isEqualTo("UNKNOWN_DATASET");
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

    @Test
    void shouldSkipARepeatedEventForAVersionTheLedgerHasAsCompleted() throws IOException {
        Path file = Files.writeString(root.resolve("netflix_titles.csv"), "show_id\ns1\n");
        FileIngested first = manifest(ingestOne(event(file), sink));
        ledger.record(first);

        IngestOutcome again = ingestOne(event(file), sink);

        assertThat(again).isInstanceOfSatisfying(IngestOutcome.Skipped.class,
                skipped -> assertThat(skipped.why().reason()).isEqualTo(Reason.DUPLICATE_EVENT));
        assertThat(sink.records).hasSize(1);
    }

    @Test
    void shouldIngestAFailedVersionAgain() throws IOException {
        Path file = root.resolve("netflix_titles.csv");
        ledger.record(manifest(ingestOne(event(file), sink)));
        Files.writeString(file, "show_id\ns1\n");

        assertThat(manifest(ingestOne(event(file), sink)).status()).isEqualTo(FileIngested.Status.COMPLETED);
    }

    @Test
    void shouldRefuseANewVersionOfAnIngestedBlobUnlessTheDatasetAllowsOverwrites() throws IOException {
        Path file = Files.writeString(root.resolve("netflix_titles.csv"), "show_id\ns1\n");
        ledger.record(manifest(ingestOne(event(file), sink)));
        String newVersion = event(file).replace("\"0x1\"", "\"0x2\"");

        FileIngested refused = manifest(ingestOne(newVersion, sink));

        assertThat(refused.status()).isEqualTo(FileIngested.Status.SKIPPED);
        assertThat(refused.reason()).isEqualTo("OVERWRITE_NOT_ALLOWED");
        assertThat(refused.eTag()).isEqualTo("0x2");
        assertThat(sink.records).hasSize(1);

        DatasetSpec overwritable = new DatasetSpec("titles", Fixtures.TITLES.source(), CsvOptions.DEFAULT, List.of(),
                List.of("show_id"), Fixtures.TITLES.topic(), EvolutionMode.ADD_NEW_COLUMNS, true, "test");
        FileIngestion allowing = new FileIngestion(new LocalFolderBlobStore(root), new DatasetCatalog(List.of(overwritable)),
                schemas, schemaLog, ledger, Fixtures.CLOCK);
        FileIngested accepted = manifest(allowing.ingest(allowing.events(newVersion).get(0), sink));

        assertThat(accepted.status()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(sink.records).hasSize(2);
        assertThat(sink.records.get(1).id()).isNotEqualTo(sink.records.get(0).id());
    }

    @Test
    void shouldDeadLetterEachBadInputWithItsReasonUrlAndLine() throws IOException {
        Path binary = Files.write(root.resolve("binary_titles.csv"), new byte[] {'s', 'h', 'o', 'w', '_', 'i', 'd', '\n',
            (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, 1, 2, '\n'});
        Path wrongHeader = Files.writeString(root.resolve("wrong_titles.csv"), "id,name\n1,x\n");
        Path unterminated = Files.writeString(root.resolve("broken_titles.csv"), "show_id,title\ns1,One\ns2,\"open\n");
        Path unknown = Files.writeString(root.resolve("readme.csv"), "show_id\ns1\n");

        io.netflixlakehouse.contracts.event.DeadLetter notCsv = dead(ingestOne(event(binary), sink));
        assertThat(notCsv.reason()).isEqualTo("NOT_CSV");
        // Values are decoded one by one: the line is the one that holds the bad bytes.
        assertThat(notCsv.lineNumber()).isEqualTo(2L);
        assertThat(notCsv.sourceUrl()).isEqualTo(binary.toUri().toString());
        assertThat(notCsv.dataset()).isEqualTo("titles");

        assertThat(dead(ingestOne(event(wrongHeader), sink))).satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("INVALID_HEADER");
            assertThat(letter.lineNumber()).isEqualTo(1L);
        });
        assertThat(dead(ingestOne(event(unterminated), sink))).satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("CSV_PARSE_ERROR");
            assertThat(letter.lineNumber()).isEqualTo(3L);
            assertThat(letter.eTag()).isEqualTo("0x1");
        });
        assertThat(dead(ingestOne(event(unknown), sink)).lineNumber()).isNull();
        assertThat(dead(ingestOne(event(root.resolve("gone_titles.csv")), sink)).reason()).isEqualTo("BLOB_NOT_FOUND");
        assertThat(dead(ingestOne("{oops", sink))).satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("MALFORMED_EVENT");
            assertThat(letter.payload()).isEqualTo("{oops");
            assertThat(letter.sourceUrl()).isNull();
        });
        assertThat(sink.records).extracting(RawRecord::key).containsExactly("s1");
    }

    @Test
    void shouldNotDeadLetterWhatKafkaRefused() throws IOException {
        Path file = Files.writeString(root.resolve("netflix_titles.csv"), "show_id\ns1\n");

        assertThat(dead(ingestOne(event(file), new Fixtures.FailingSink(0)))).isNull();
    }
}
