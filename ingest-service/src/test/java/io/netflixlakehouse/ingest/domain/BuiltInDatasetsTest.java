package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped specs read the shipped data (seed: BOM + CRLF) with exact counts. */
class BuiltInDatasetsTest {

    private static final Path DATA = Path.of("../data");

    @ParameterizedTest
    @CsvSource({
        "titles, kaggle/netflix_titles.csv, 8807, netflix.titles.raw.v1",
        "seed_titles, seed/netflix_titles.csv, 6236, netflix.titles.raw.v1",
        "cast, seed/netflix_cast.csv, 44311, netflix.lookups.raw.v1",
        "category, seed/netflix_category.csv, 13670, netflix.lookups.raw.v1",
        "countries, seed/netflix_countries.csv, 7179, netflix.lookups.raw.v1",
        "directors, seed/netflix_directors.csv, 4852, netflix.lookups.raw.v1"})
    void shouldReadEveryRowOfTheShippedFileWithItsSpec(String dataset, String file, long rows, String topic) throws IOException {
        DatasetSpec spec = Fixtures.builtIn(dataset);
        List<RawRecord> records = new ArrayList<>();
        ReadResult result;
        try (InputStream input = Files.newInputStream(DATA.resolve(file))) {
            result = new CsvRecordReader().read(input, Fixtures.context(spec, "file:///landing/" + file),
                    Fixtures.declaredSchema(spec), records::add);
        }

        assertThat(result.complete()).isTrue();
        assertThat(result.records()).isEqualTo(rows);
        assertThat(records).hasSize((int) rows);
        assertThat(result.raggedRows()).isZero();
        assertThat(spec.topic()).isEqualTo(topic);
        assertThat(records).allSatisfy(record -> assertThat(record.dataset()).isEqualTo(dataset));
        assertThat(records.get(0).fields().keySet()).containsAll(spec.columnNames())
                .allSatisfy(column -> assertThat(column).doesNotStartWith("\uFEFF"));
    }

    @Test
    void shouldRescueTheSeedTitlesValuesThatDoNotFitTheirType() throws IOException {
        DatasetSpec spec = Fixtures.builtIn("seed_titles");
        List<RawRecord> rescued = new ArrayList<>();
        try (InputStream input = Files.newInputStream(DATA.resolve("seed/netflix_titles.csv"))) {
            new CsvRecordReader().read(input, Fixtures.context(spec, "file:///landing/seed/netflix_titles.csv"),
                    Fixtures.declaredSchema(spec), record -> {
                        if (record.fields().containsKey(CsvRecordReader.RESCUED)) {
                            rescued.add(record);
                        }
                    });
        }

        // The seed has three duration values that are not whole numbers; each is kept, with its line.
        assertThat(rescued).isNotEmpty().allSatisfy(record -> {
            JsonNode kept = Json.mapper().readTree(record.fields().get(CsvRecordReader.RESCUED));
            assertThat(kept.get("_line").asLong()).isEqualTo(record.lineage().lineNumber());
            kept.fieldNames().forEachRemaining(column -> {
                if (!column.equals("_line")) {
                    assertThat(record.fields()).containsEntry(column, null);
                    assertThat(spec.column(column)).get().matches(hint -> !hint.accepts(kept.get(column).asText()));
                }
            });
        });
    }

    @Test
    void shouldListEveryBuiltInSpecInTheIndex() throws IOException {
        Path folder = Path.of("src/main/resources/datasets");
        List<String> index = Files.readAllLines(folder.resolve("index")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(index);
        }
    }
}
