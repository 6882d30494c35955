package io.netflixlakehouse.curation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.curation.domain.TestRecords;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * An eighth of the Kaggle catalogue plus every row with a known fault, through the production
 * topology, twice. Gold is checked against totals computed here independently, straight from the
 * CSV, and must not move on the replay. (The whole file takes ~50 s in the driver on two cores; the
 * end-to-end test runs all of it against a real broker.)
 */
class KaggleCatalogueReplayTest {

    private static final Path CATALOGUE = Path.of("..", "data", "kaggle", "netflix_titles.csv");
    private static final Pattern MINUTES = Pattern.compile("(\\d+) min");
    private static final Instant T0 = Instant.parse("2026-11-25T10:15:31Z");

    /** Independent expectation: group key -> {titles, minutes sum}. */
    private static Map<String, long[]> expectedTotals(List<Map<String, String>> rows) {
        Map<String, long[]> totals = new HashMap<>();
        for (Map<String, String> row : rows) {
            String year = row.get("release_year").strip();
            int releaseYear = year.isEmpty() ? 0 : Integer.parseInt(year);
            String age = releaseYear >= 2020 ? "Recent" : releaseYear >= 2010 ? "Modern" : "Classic";
            Set<String> countries = new LinkedHashSet<>();
            for (String country : row.get("country").split(",")) {
                if (!country.isBlank()) {
                    countries.add(country.strip());
                }
            }
            if (countries.isEmpty()) {
                countries.add("Unknown");
            }
            Matcher minutes = MINUTES.matcher(row.get("duration").strip());
            long duration = minutes.matches() ? Long.parseLong(minutes.group(1)) : 0;
            for (String country : countries) {
                long[] group = totals.computeIfAbsent(row.get("type") + "|" + age + "|" + country, key -> new long[2]);
                group[0]++;
                group[1] += duration;
            }
        }
        return totals;
    }

    private static List<Map<String, String>> readCatalogue() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(CATALOGUE, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
        }
        return rows;
    }

    /** Every 8th row, and every row with a fault the curation must absorb. */
    private static boolean selected(int index, Map<String, String> row) {
        String country = row.get("country").strip();
        return index % 8 == 0
                || row.get("duration").isEmpty()
                || row.get("rating").isEmpty()
                || row.get("date_added").isEmpty()
                || row.get("date_added").startsWith(" ")
                || country.startsWith(",")
                || country.endsWith(",")
                || row.get("title").indexOf('\u00A0') >= 0;
    }

    private static ValidatedRecord toValidated(Map<String, String> row) {
        String[] columns = {"show_id", "type", "title", "director", "cast", "country", "date_added", "release_year",
            "rating", "duration", "listed_in", "description"};
        String[] values = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String value = row.get(columns[i]);
            values[i] = value == null || value.isEmpty() ? null : value;
        }
        return TestRecords.validated(values);
    }

    @Test
    void shouldMatchIndependentTotalsAndStayUnchangedWhenCatalogueIsReplayed() throws IOException {
        List<Map<String, String>> catalogue = readCatalogue();
        assertThat(catalogue).hasSize(8807);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            if (selected(i, catalogue.get(i))) {
                rows.add(catalogue.get(i));
            }
        }
        Map<String, long[]> expected = expectedTotals(rows);

        // The driver commits (and flushes every RocksDB store) after each record, which makes
        // thousands of records take many minutes: same topology, in-memory stores.
        Topology topology = CurationTopology.build(CurationTopologyDriver.TOPICS, CurationSerdes.standard(),
                Stores::inMemoryKeyValueStore);
        try (CurationTopologyDriver streams = new CurationTopologyDriver(topology)) {
            for (int i = 0; i < rows.size(); i++) {
                streams.pipe(toValidated(rows.get(i)), T0.plusMillis(i));
            }
            Map<String, GoldTitleAggregate> firstPass = new HashMap<>(streams.liveGroups());
            assertThat(streams.curated.getQueueSize()).isEqualTo(rows.size());

            for (int i = 0; i < rows.size(); i++) {
                streams.pipe(toValidated(rows.get(i)), T0.plusMillis(i));
            }
            assertThat(streams.gold.isEmpty()).as("gold records sent by the replay").isTrue();
            Map<String, GoldTitleAggregate> afterReplay = streams.liveGroups();

            assertThat(firstPass).hasSameSizeAs(expected);
            expected.forEach((group, totals) -> {
                GoldTitleAggregate gold = firstPass.get(group);
                assertThat(gold).as(group).isNotNull();
                assertThat(gold.contentCount()).as(group).isEqualTo(totals[0]);
                assertThat(gold.durationMinutesSum()).as(group).isEqualTo(totals[1]);
            });
            assertThat(afterReplay).isEqualTo(firstPass);
        }
    }
}
