package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
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

/** A header that differs from the spec (a renamed column, a missing one) is handled by the evolution mode, never a crash. */
class SchemaEvolutionTest {

    /** The Kaggle file with {@code genre} where the spec says {@code listed_in}. */
    private static final String RENAMED = "show_id,title,genre,release_year\ns1,One,Dramas,2020\ns2,Two,,20x0\n";

    @TempDir
    Path dir;

    private Path root;
    private final SchemaHistory schemas = new SchemaHistory();
    private final Fixtures.CollectingSchemaLog schemaLog = new Fixtures.CollectingSchemaLog();
    private final Fixtures.CollectingSink sink = new Fixtures.CollectingSink();

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("landing"));
    }

    private static DatasetSpec spec(EvolutionMode mode) {
        return new DatasetSpec("titles", new SourceSpec("landing", "", "*titles*.csv"), CsvOptions.DEFAULT,
                List.of(ColumnHint.string("show_id"), ColumnHint.string("title"), ColumnHint.string("listed_in"),
                        new ColumnHint("release_year", ColumnType.INT, null)),
                List.of("show_id"), "netflix.titles.raw.v1", mode, false, "test");
    }

    private final java.util.Map<DatasetSpec, FileIngestion> ingestions = new java.util.HashMap<>();

    private IngestOutcome.Handled ingest(DatasetSpec spec, String name, String csv) throws IOException {
        FileIngestion ingestion = ingestions.computeIfAbsent(spec, s -> new FileIngestion(new LocalFolderBlobStore(root),
                new DatasetCatalog(List.of(s)), schemas, schemaLog, new FileLedger(), Fixtures.CLOCK));
        Path file = Files.writeString(root.resolve(name), csv);
        String event = BlobEventParserTest.event("Microsoft.Storage.BlobCreated", "PutBlob", file.toUri().toString());
        IngestOutcome outcome = ingestion.ingest(ingestion.events(event).get(0), sink);
        assertThat(outcome).isInstanceOf(IngestOutcome.Handled.class);
        return (IngestOutcome.Handled) outcome;
    }

    @Test
    void shouldRecordTheNewColumnThenPublishItAsAFieldInModeAddNewColumns() throws IOException {
        IngestOutcome.Handled handled = ingest(spec(EvolutionMode.ADD_NEW_COLUMNS), "netflix_titles.csv", RENAMED);

        assertThat(handled.manifest().status()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(schemaLog.changes).singleElement().satisfies(change -> {
            assertThat(change.dataset()).isEqualTo("titles");
            assertThat(change.version()).isEqualTo(1);
            assertThat(change.addedColumns()).containsExactly("genre");
            assertThat(change.columns()).containsExactly("show_id", "title", "listed_in", "release_year", "genre");
        });
        assertThat(schemas.columns(spec(EvolutionMode.ADD_NEW_COLUMNS))).contains("genre");
        RawRecord first = sink.records.get(0);
        assertThat(first.fields()).containsEntry("genre", "Dramas").containsEntry("listed_in", null)
                .doesNotContainKey(CsvRecordReader.RESCUED);
        // A value that does not fit its hint is rescued, with its line; its field is null.
        assertThat(sink.records.get(1).fields()).containsEntry("release_year", null)
                .containsEntry(CsvRecordReader.RESCUED, "{\"release_year\":\"20x0\",\"_line\":3}");
        assertThat(handled.rescuedRows()).isEqualTo(1);

        ingest(spec(EvolutionMode.ADD_NEW_COLUMNS), "more_titles.csv", RENAMED);
        assertThat(schemaLog.changes).as("a column already recorded is not recorded again").hasSize(1);
    }

    @Test
    void shouldRescueTheNewColumnInModeRescue() throws IOException {
        IngestOutcome.Handled handled = ingest(spec(EvolutionMode.RESCUE), "netflix_titles.csv", RENAMED);

        assertThat(handled.manifest().status()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(schemaLog.changes).isEmpty();
        assertThat(sink.records.get(0).fields()).doesNotContainKey("genre").containsEntry("listed_in", null)
                .containsEntry(CsvRecordReader.RESCUED, "{\"genre\":\"Dramas\",\"_line\":2}");
        assertThat(handled.rescuedRows()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreTheNewColumnInModeNone() throws IOException {
        IngestOutcome.Handled handled = ingest(spec(EvolutionMode.NONE), "netflix_titles.csv", RENAMED);

        assertThat(handled.manifest().records()).isEqualTo(2);
        assertThat(sink.records.get(0).fields()).doesNotContainKeys("genre", CsvRecordReader.RESCUED)
                .containsOnlyKeys("show_id", "title", "listed_in", "release_year");
    }

    @Test
    void shouldFailTheFileAndStopTheDatasetInModeFailOnNewColumns() throws IOException {
        IngestOutcome.Handled first = ingest(spec(EvolutionMode.FAIL_ON_NEW_COLUMNS), "netflix_titles.csv", RENAMED);
        IngestOutcome.Handled next = ingest(spec(EvolutionMode.FAIL_ON_NEW_COLUMNS), "netflix_titles.csv",
                "show_id,title\ns9,Fine\n");

        assertThat(first.manifest().status()).isEqualTo(FileIngested.Status.FAILED);
        assertThat(first.manifest().reason()).startsWith("NEW_COLUMNS (genre not in the schema of dataset titles");
        assertThat(first.deadLetter().reason()).isEqualTo("NEW_COLUMNS");
        assertThat(first.deadLetter().lineNumber()).isEqualTo(1L);
        assertThat(sink.records).isEmpty();
        assertThat(next.failure().reason()).isEqualTo(Reason.DATASET_STOPPED);
    }

    @Test
    void shouldPublishAFileWithAMissingColumnWithNullsInEveryMode() throws IOException {
        for (EvolutionMode mode : EvolutionMode.values()) {
            sink.records.clear();
            IngestOutcome.Handled handled = ingest(spec(mode), mode.specName() + "_titles.csv", "title,show_id\nOne,s1\n");

            assertThat(handled.manifest().status()).as(mode.specName()).isEqualTo(FileIngested.Status.COMPLETED);
            assertThat(sink.records).singleElement().satisfies(record -> assertThat(record.fields())
                    .containsEntry("show_id", "s1").containsEntry("listed_in", null).containsEntry("release_year", null));
        }
    }

    @Test
    void shouldTakeTheFirstHeaderAsTheSchemaOfADatasetWithoutDeclaredColumns() throws IOException {
        ingest(Fixtures.TITLES, "netflix_titles.csv", "show_id,title\ns1,One\n");
        ingest(Fixtures.TITLES, "later_titles.csv", "show_id,title,country\ns2,Two,India\n");

        assertThat(schemaLog.changes).extracting(DatasetSchemaChanged::version).containsExactly(1, 2);
        assertThat(schemaLog.changes.get(0).columns()).containsExactly("show_id", "title");
        assertThat(schemaLog.changes.get(1).addedColumns()).containsExactly("country");
        assertThat(schemas.latest("titles")).get().extracting(DatasetSchemaChanged::version).isEqualTo(2);
    }

    @Test
    void shouldKeepATypedKeyColumnIntactInTheRecordKey() throws IOException {
        ingest(spec(EvolutionMode.ADD_NEW_COLUMNS), "netflix_titles.csv", "show_id,title\ns1,One\n");

        assertThat(sink.records).extracting(RawRecord::key).containsExactly("s1");
    }
}
