package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {

    private static final Path KAGGLE = Path.of("../data/kaggle/netflix_titles.csv");
    private static final String URL = "file:///landing/netflix_titles.csv";

    private final CsvRecordReader reader = new CsvRecordReader();

    /** The shipped file is read once for the tests that inspect it. */
    private static Read kaggle;

    @BeforeAll
    static void readKaggleFile() throws IOException {
        try (InputStream input = Files.newInputStream(KAGGLE)) {
            kaggle = new CsvRecordReaderTest().read(input, Fixtures.builtIn("titles"));
        }
    }

    private record Read(ReadResult result, List<RawRecord> records) {
    }

    private Read read(InputStream input) throws IOException {
        return read(input, Fixtures.TITLES);
    }

    private Read read(InputStream input, DatasetSpec spec) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        ReadResult result = reader.read(input, Fixtures.context(spec, URL), Fixtures.declaredSchema(spec), records::add);
        return new Read(result, records);
    }

    private Read read(String text) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadEveryRecordOfTheShippedKaggleFile() throws IOException {
        Read read = kaggle;

        assertThat(read.result().complete()).isTrue();
        assertThat(read.result().records()).isEqualTo(8807);
        assertThat(read.records()).hasSize(8807);
        assertThat(read.result().raggedRows()).isZero();
        assertThat(read.result().rescuedRows()).isZero();
        assertThat(read.records().get(0).key()).isEqualTo("s1");
        assertThat(read.records().get(8806).key()).isEqualTo("s8807");
        assertThat(read.records().get(8806).lineage().lineNumber()).isEqualTo(8810);
        assertThat(read.records()).extracting(r -> r.lineage().recordNumber())
                .startsWith(1L, 2L, 3L).endsWith(8807L);
    }

    @Test
    void shouldKeepTheFirstKaggleRecordAsInTheGoldenSample() throws IOException {
        Read read = kaggle;
        RawRecord first = read.records().get(0);

        assertThat(first.fields().keySet()).containsExactly("show_id", "type", "title", "director", "cast", "country",
                "date_added", "release_year", "rating", "duration", "listed_in", "description");
        assertThat(first.fields()).containsEntry("title", "Dick Johnson Is Dead").containsEntry("cast", null)
                .containsEntry("date_added", "September 25, 2021").containsEntry("duration", "90 min");
        assertThat(first.id()).isEqualTo(RecordIds.of(URL, "0xABC", 1));
        assertThat(first.dataset()).isEqualTo("titles");
        assertThat(first.eventTime()).isEqualTo(Fixtures.NOW);
        assertThat(first.lineage()).satisfies(lineage -> {
            assertThat(lineage.sourceUrl()).isEqualTo(URL);
            assertThat(lineage.eTag()).isEqualTo("0xABC");
            assertThat(lineage.recordNumber()).isEqualTo(1);
            assertThat(lineage.lineNumber()).isEqualTo(2);
            assertThat(lineage.blobEventId()).isEqualTo("event-1");
            assertThat(lineage.blobEventTime()).isEqualTo(Fixtures.EVENT_TIME);
            assertThat(lineage.ingestedAt()).isEqualTo(Fixtures.NOW);
        });
    }

    @Test
    void shouldKeepEmbeddedNewlinesAndCountPhysicalLines() throws IOException {
        Read read = kaggle;
        Map<String, RawRecord> byKey = new java.util.HashMap<>();
        read.records().forEach(r -> byKey.put(r.key(), r));

        RawRecord s8202 = byKey.get("s8202");
        assertThat(s8202.lineage().recordNumber()).isEqualTo(8202);
        assertThat(s8202.lineage().lineNumber()).isEqualTo(8203);
        assertThat(s8202.fields().values()).anyMatch(value -> value != null && value.contains("\n"));
        assertThat(s8202.fields()).hasSize(12).containsEntry("title", "The Bad Education Movie");
        assertThat(byKey.get("s8203").lineage().lineNumber()).isEqualTo(8205);

        RawRecord s8420 = byKey.get("s8420");
        assertThat(s8420.lineage().recordNumber()).isEqualTo(8420);
        assertThat(s8420.lineage().lineNumber()).isEqualTo(8422);
        assertThat(s8420.fields().get("title")).startsWith("The Memphis Belle: A Story of a\n");
        assertThat(s8420.fields()).hasSize(12);
        assertThat(byKey.get("s8421").lineage().lineNumber()).isEqualTo(8424);
    }

    @Test
    void shouldStripTheByteOrderMarkAndReadCrlfFiles(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("show_id,title,description\r\ns1,One,\"two\r\nlines\"\r\ns2,Two,plain\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("seed_titles.csv");
        Files.write(file, bytes.toByteArray());

        Read read;
        try (InputStream input = Files.newInputStream(file)) {
            read = read(input);
        }

        assertThat(read.result().complete()).isTrue();
        assertThat(read.records()).extracting(RawRecord::key).containsExactly("s1", "s2");
        assertThat(read.records().get(0).fields().keySet()).containsExactly("show_id", "title", "description");
        assertThat(read.records().get(0).fields()).containsEntry("description", "two\r\nlines");
        assertThat(read.records()).extracting(r -> r.lineage().lineNumber()).containsExactly(2L, 4L);
    }

    @Test
    void shouldPublishRaggedRowsWithoutLosingValues() throws IOException {
        Read read = read("show_id,title,country\ns1,Short\ns2,Long,India,extra one,\ns3,Fine,Spain\n");

        assertThat(read.result().complete()).isTrue();
        assertThat(read.result().records()).isEqualTo(3);
        assertThat(read.result().raggedRows()).isEqualTo(2);
        assertThat(read.records().get(0).fields()).containsExactly(
                Map.entry("show_id", "s1"), Map.entry("title", "Short"), new java.util.AbstractMap.SimpleEntry<>("country", null));
        assertThat(read.records().get(1).fields()).containsEntry("country", "India")
                .containsEntry("_rescued_data", "{\"_extra_1\":\"extra one\",\"_line\":3}").hasSize(4);
        assertThat(read.result().rescuedRows()).isEqualTo(1);
        assertThat(read.records().get(2).fields()).hasSize(3);
    }

    @Test
    void shouldPublishRecordsBeforeAnUnterminatedQuoteAndFailAtItsLine() throws IOException {
        Read read = read("show_id,title\ns1,One\ns2,Two\ns3,\"never closed\ns4,Four\n");

        assertThat(read.records()).extracting(RawRecord::key).containsExactly("s1", "s2");
        assertThat(read.result().records()).isEqualTo(2);
        assertThat(read.result().failure().reason()).isEqualTo(Reason.CSV_PARSE_ERROR);
        assertThat(read.result().failure().text()).isEqualTo("CSV_PARSE_ERROR at line 4");
    }

    @Test
    void shouldFailOnGarbageAfterAClosingQuote() throws IOException {
        Read read = read("show_id,title\ns1,\"One\"x\n");

        assertThat(read.records()).isEmpty();
        assertThat(read.result().failure().text()).isEqualTo("CSV_PARSE_ERROR at line 2");
    }

    @Test
    void shouldSkipBlankLinesAndKeepLineNumbersExact() throws IOException {
        Read read = read("show_id,title\n\ns1,One\n\n\ns2,Two");

        assertThat(read.records()).extracting(r -> r.lineage().lineNumber()).containsExactly(3L, 6L);
        assertThat(read.records()).extracting(r -> r.lineage().recordNumber()).containsExactly(1L, 2L);
    }

    @Test
    void shouldGiveANullKeyWhenTheKeyValueIsEmpty() throws IOException {
        Read read = read("title,show_id\nNo key,\n");

        assertThat(read.records()).singleElement().satisfies(r -> {
            assertThat(r.key()).isNull();
            assertThat(r.fields()).containsEntry("show_id", null);
        });
    }

    @Test
    void shouldRefuseAFileWithoutHeaderOrKeyColumn() throws IOException {
        assertThat(read("").result().failure().reason()).isEqualTo(Reason.INVALID_HEADER);
        assertThat(read("id,title\n1,One\n").result().failure().text()).isEqualTo("INVALID_HEADER (no key column show_id) at line 1");
        assertThat(read("show_id,a,a\n1,x,y\n").result().failure().reason()).isEqualTo(Reason.INVALID_HEADER);
        assertThat(read("id,title\n1,One\n").records()).isEmpty();
    }

    private static DatasetSpec withCsv(CsvOptions csv, List<ColumnHint> columns) {
        return new DatasetSpec("titles", Fixtures.TITLES.source(), csv, columns, List.of("show_id"),
                Fixtures.TITLES.topic(), EvolutionMode.ADD_NEW_COLUMNS, false, "test");
    }

    @Test
    void shouldReadTheDelimiterQuoteEscapeAndEncodingTheSpecGives() throws IOException {
        DatasetSpec spec = withCsv(new CsvOptions(true, ';', '\'', '\\', StandardCharsets.ISO_8859_1, true), List.of());
        byte[] latin1 = "show_id;title\ns1;'Caf\u00e9; \\'s'\n".getBytes(StandardCharsets.ISO_8859_1);

        Read read = read(new ByteArrayInputStream(latin1), spec);

        assertThat(read.result().complete()).isTrue();
        assertThat(read.records()).singleElement().satisfies(r -> assertThat(r.fields()).containsEntry("title", "Caf\u00e9; 's"));
    }

    @Test
    void shouldTakeTheDeclaredColumnsAsHeaderWhenTheFileHasNone() throws IOException {
        DatasetSpec spec = withCsv(new CsvOptions(false, ',', '"', null, StandardCharsets.UTF_8, true),
                List.of(ColumnHint.string("show_id"), ColumnHint.string("title")));

        Read read = read(new ByteArrayInputStream("s1,One\ns2,Two\n".getBytes(StandardCharsets.UTF_8)), spec);

        assertThat(read.records()).extracting(RawRecord::key).containsExactly("s1", "s2");
        assertThat(read.records()).extracting(r -> r.lineage().lineNumber()).containsExactly(1L, 2L);
    }

    @Test
    void shouldRefuseAValueOverSeveralLinesWhenMultiLineIsOff() throws IOException {
        DatasetSpec spec = withCsv(new CsvOptions(true, ',', '"', null, StandardCharsets.UTF_8, false), List.of());

        Read read = read(new ByteArrayInputStream("show_id,title\ns1,One\ns2,\"two\nlines\"\n".getBytes(StandardCharsets.UTF_8)), spec);

        assertThat(read.records()).extracting(RawRecord::key).containsExactly("s1");
        assertThat(read.result().failure().reason()).isEqualTo(Reason.CSV_PARSE_ERROR);
        assertThat(read.result().failure().line()).isEqualTo(3);
    }

    private static DatasetSpec datedTitles() {
        return withCsv(new CsvOptions(true, ',', '"', null, StandardCharsets.UTF_8, true), List.of(
                ColumnHint.string("show_id"), new ColumnHint("date_added", ColumnType.DATE, "MMMM d, yyyy"),
                new ColumnHint("release_year", ColumnType.INT, null)));
    }

    @Test
    void shouldJudgeARepeatedValueTheSameWayEveryTime() throws IOException {
        Read read = read(new ByteArrayInputStream(("show_id,date_added,release_year\n"
                + "s1,\"August 4, 2017\",2017\ns2,\"Agust 4, 2017\",2017\n"
                + "s3,\"August 4, 2017\",20x7\ns4,\"Agust 4, 2017\",20x7\n").getBytes(StandardCharsets.UTF_8)), datedTitles());

        assertThat(read.records()).extracting(r -> r.fields().get("date_added"))
                .containsExactly("August 4, 2017", null, "August 4, 2017", null);
        assertThat(read.records()).extracting(r -> r.fields().get(CsvRecordReader.RESCUED)).containsExactly(
                null,
                "{\"date_added\":\"Agust 4, 2017\",\"_line\":3}",
                "{\"release_year\":\"20x7\",\"_line\":4}",
                "{\"date_added\":\"Agust 4, 2017\",\"release_year\":\"20x7\",\"_line\":5}");
        assertThat(read.result().rescuedRows()).isEqualTo(3);
    }

    @Test
    void shouldGiveFieldsThatBehaveAndSerialiseAsAnOrderedMap() throws IOException {
        Read read = read("show_id,title,country\ns1,,India\ns2,Two,Spain,extra\n");

        for (RawRecord record : read.records()) {
            Map<String, String> copy = new LinkedHashMap<>(record.fields());
            assertThat(record.fields()).isEqualTo(copy).hasSameHashCodeAs(copy);
            assertThat(Json.mapper().writeValueAsString(record.fields()))
                    .isEqualTo(Json.mapper().writeValueAsString(copy));
        }
        assertThat(read.records().get(0).fields()).containsKey("title").doesNotContainKey(CsvRecordReader.RESCUED)
                .containsEntry("title", null).hasSize(3);
        assertThat(Json.mapper().writeValueAsString(read.records().get(1).fields()))
                .isEqualTo("{\"show_id\":\"s2\",\"title\":\"Two\",\"country\":\"Spain\","
                        + "\"_rescued_data\":\"{\\\"_extra_1\\\":\\\"extra\\\",\\\"_line\\\":3}\"}");
    }

    @Test
    void shouldKeepAColumnNamedLikeTheRescuedDataUnlessSomethingIsRescued() throws IOException {
        Read read = read("show_id,_rescued_data\ns1,kept\ns2,lost,extra\n");

        assertThat(read.records().get(0).fields()).containsExactly(Map.entry("show_id", "s1"),
                Map.entry(CsvRecordReader.RESCUED, "kept"));
        assertThat(read.records().get(1).fields()).hasSize(2)
                .containsEntry(CsvRecordReader.RESCUED, "{\"_extra_1\":\"extra\",\"_line\":3}");
    }

    @Test
    void shouldCheckEveryTypeOfHint() {
        assertThat(new ColumnHint("a", ColumnType.INT, null).accepts(" 2020 ")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.INT, null).accepts("20x0")).isFalse();
        assertThat(new ColumnHint("a", ColumnType.LONG, null).accepts("9000000000")).isTrue();
        assertThat(List.of("+7", "-0", "007", "2147483647", "-2147483648", "\u0662\u0660\u0662\u0660"))
                .allMatch(new ColumnHint("a", ColumnType.INT, null)::accepts);
        assertThat(List.of("", " ", "-", "+", "2147483648", "1.0", "1e3", "0x10", "--1"))
                .noneMatch(new ColumnHint("a", ColumnType.INT, null)::accepts);
        assertThat(new ColumnHint("a", ColumnType.LONG, null).accepts("9223372036854775807")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.LONG, null).accepts("9223372036854775808")).isFalse();
        assertThat(new ColumnHint("a", ColumnType.DOUBLE, null).accepts("1.5e3")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.DOUBLE, null).accepts("NaN")).isFalse();
        assertThat(new ColumnHint("a", ColumnType.BOOLEAN, null).accepts("TRUE")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.BOOLEAN, null).accepts("yes")).isFalse();
        assertThat(new ColumnHint("a", ColumnType.DATE, null).accepts("2021-09-25")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.DATE, "MMMM d, yyyy").accepts(" August 4, 2017")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.DATE, "M/d/yyyy").accepts("13/40/2019")).isFalse();
        assertThat(new ColumnHint("a", ColumnType.TIMESTAMP, null).accepts("2026-11-25T10:15:30Z")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.TIMESTAMP, null).accepts("2026-11-25T10:15:30")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.TIMESTAMP, "yyyy-MM-dd HH:mm").accepts("2026-11-25 10:15")).isTrue();
        assertThat(new ColumnHint("a", ColumnType.TIMESTAMP, null).accepts("yesterday")).isFalse();
    }
}
