package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetSpecParserTest {

    private static final String MINIMAL = """
            name: cast
            source: {prefix: seed, glob: "*cast*.csv"}
            keyColumns: [show_id]
            topic: netflix.lookups.raw.v1
            """;

    private final DatasetSpecParser parser = new DatasetSpecParser();

    @Test
    void shouldReadEveryFieldOfTheKaggleTitlesSpec() {
        DatasetSpec spec = Fixtures.builtIn("titles");

        assertThat(spec.name()).isEqualTo("titles");
        assertThat(spec.source()).isEqualTo(new SourceSpec("landing", "", "*titles*.csv"));
        assertThat(spec.csv()).isEqualTo(new CsvOptions(true, ',', '"', null, StandardCharsets.UTF_8, true));
        assertThat(spec.columnNames()).containsExactly("show_id", "type", "title", "director", "cast", "country",
                "date_added", "release_year", "rating", "duration", "listed_in", "description");
        assertThat(spec.column("date_added")).contains(new ColumnHint("date_added", ColumnType.DATE, "MMMM d, yyyy"));
        assertThat(spec.column("release_year")).contains(new ColumnHint("release_year", ColumnType.INT, null));
        assertThat(spec.keyColumns()).containsExactly("show_id");
        assertThat(spec.topic()).isEqualTo("netflix.titles.raw.v1");
        assertThat(spec.evolution()).isEqualTo(EvolutionMode.ADD_NEW_COLUMNS);
        assertThat(spec.allowOverwrites()).isFalse();
    }

    @Test
    void shouldApplyDefaultsAndEndThePrefixWithASlash() {
        DatasetSpec spec = parser.parse("cast.yaml", MINIMAL);

        assertThat(spec.source()).isEqualTo(new SourceSpec("landing", "seed/", "*cast*.csv"));
        assertThat(spec.csv()).isEqualTo(CsvOptions.DEFAULT);
        assertThat(spec.columns()).isEmpty();
        assertThat(spec.evolution()).isEqualTo(EvolutionMode.ADD_NEW_COLUMNS);
        assertThat(spec.allowOverwrites()).isFalse();
        assertThat(spec.origin()).isEqualTo("cast.yaml");
    }

    @Test
    void shouldReadCsvOptionsAndEveryEvolutionMode() {
        DatasetSpec spec = parser.parse("x.yaml", MINIMAL + """
                csv: {header: false, delimiter: ";", quote: "'", escape: "\\\\", encoding: ISO-8859-1, multiLine: false}
                columns: {show_id: string, added: {type: timestamp, format: "yyyy-MM-dd HH:mm"}}
                schemaEvolutionMode: failOnNewColumns
                allowOverwrites: true
                """);

        assertThat(spec.csv()).isEqualTo(new CsvOptions(false, ';', '\'', '\\', StandardCharsets.ISO_8859_1, false));
        assertThat(spec.evolution()).isEqualTo(EvolutionMode.FAIL_ON_NEW_COLUMNS);
        assertThat(spec.allowOverwrites()).isTrue();
        for (String mode : List.of("addNewColumns", "rescue", "failOnNewColumns", "none")) {
            assertThat(parser.parse("x.yaml", MINIMAL + "schemaEvolutionMode: " + mode + "\n").evolution().specName())
                    .isEqualTo(mode);
        }
    }

    @Test
    void shouldNameTheFileAndTheFieldOfAWrongValue() {
        assertRefused(MINIMAL.replace("name: cast", "name: Cast!"), "field name: 'Cast!' must be lower case");
        assertRefused(MINIMAL.replace("topic: netflix.lookups.raw.v1", ""), "field topic: required");
        assertRefused(MINIMAL.replace("keyColumns: [show_id]", "keyColumns: []"), "field keyColumns: required");
        assertRefused(MINIMAL + "schemaEvolutionMode: merge\n",
                "field schemaEvolutionMode: unknown mode 'merge' (expected one of addNewColumns, rescue, failOnNewColumns, none)");
        assertRefused(MINIMAL + "csv: {delimiter: ';;'}\n", "field csv.delimiter: expected one character");
        assertRefused(MINIMAL + "csv: {encoding: klingon}\n", "field csv.encoding: unknown character set 'klingon'");
        assertRefused(MINIMAL + "csv: {delimter: ';'}\n", "field csv.delimter: unknown field");
        assertRefused(MINIMAL + "columns: {show_id: integer}\n", "field columns.show_id: unknown type 'integer'");
        assertRefused(MINIMAL + "columns: {show_id: {type: int, format: x}}\n",
                "field columns.show_id.format: only a date or timestamp has a format");
        assertRefused(MINIMAL + "columns: {title: string}\n", "field keyColumns: 'show_id' is not one of the columns [title]");
        assertRefused(MINIMAL + "allowOverwrites: yes please\n", "field allowOverwrites: expected true or false");
        assertRefused(MINIMAL.replace("*cast*.csv", "[oops"), "field source.glob");
        assertRefused(MINIMAL.replace("prefix: seed", "prefix: ../etc"), "field source.prefix");
        assertRefused(MINIMAL + "csv: {header: false}\n", "field columns: a file without a header row needs its columns");
        assertRefused("name: [", "not valid YAML");
        assertRefused(MINIMAL + "colums: {}\n", "field colums: unknown field");
    }

    private void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> parser.parse("datasets/x.yaml", yaml))
                .isInstanceOf(DatasetSpecParser.InvalidSpec.class)
                .hasMessageStartingWith("dataset spec datasets/x.yaml")
                .hasMessageContaining(message);
    }
}
