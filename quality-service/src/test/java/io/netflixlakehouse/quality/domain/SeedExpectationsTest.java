package io.netflixlakehouse.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.RawRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped rule sets of the seed's five files (seed_titles and the four lookup datasets) over every record,
 * each rule's failure count checked against a count computed here with plain Java predicates.
 */
class SeedExpectationsTest {

    private static final Path SEED = Path.of("../data/seed");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldQuarantineTheBrokenAcrossRowsRecordsOfTheSeedTitles() throws IOException {
        List<Map<String, String>> records = read("netflix_titles.csv");
        Map<String, Integer> failures = new HashMap<>();
        Map<Routing, Integer> routed = run("seed_titles", records, failures);

        Predicate<Map<String, String>> noId = r -> r.get("show_id") == null;
        Predicate<Map<String, String>> idNotNumeric = r -> r.get("show_id") != null && !r.get("show_id").matches("[0-9]+");
        Predicate<Map<String, String>> badType = r -> r.get("type") != null && !List.of("Movie", "TV Show").contains(r.get("type"));
        Predicate<Map<String, String>> badYear = r -> {
            String y = r.get("release_year");
            return y != null && y.strip().matches("-?[0-9]+") && (Long.parseLong(y.strip()) < 1900 || Long.parseLong(y.strip()) > 2026);
        };
        Predicate<Map<String, String>> badDurations = r -> notDigits(r.get("duration_minutes")) || notDigits(r.get("duration_seasons"));
        Predicate<Map<String, String>> badDate = r -> r.get("date_added") != null
                && !r.get("date_added").matches("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}");
        Predicate<Map<String, String>> noDate = r -> r.get("date_added") == null;

        assertThat(records).hasSize(6_236);
        assertThat(failures.getOrDefault("valid_show_id", 0)).isEqualTo(count(records, noId)).isEqualTo(4);
        assertThat(failures.getOrDefault("show_id_is_numeric", 0)).isEqualTo(count(records, idNotNumeric));
        assertThat(failures.getOrDefault("valid_type", 0)).isEqualTo(count(records, badType)).isEqualTo(1);
        assertThat(failures.getOrDefault("valid_year", 0)).isEqualTo(count(records, badYear)).isEqualTo(1);
        assertThat(failures.getOrDefault("durations_are_numbers", 0)).isEqualTo(count(records, badDurations)).isEqualTo(2);
        assertThat(failures.getOrDefault("date_added_is_a_date", 0)).isEqualTo(count(records, badDate)).isEqualTo(1);
        assertThat(failures.getOrDefault("date_added_present", 0)).isEqualTo(count(records, noDate));
        int quarantined = count(records, noId.or(idNotNumeric).or(badType).or(badYear).or(badDurations).or(badDate));
        assertThat(routed.getOrDefault(Routing.QUARANTINED, 0)).isEqualTo(quarantined).isEqualTo(4);
        assertThat(routed.getOrDefault(Routing.VALIDATED, 0)).isEqualTo(6_236 - quarantined);
    }

    @ParameterizedTest
    @CsvSource({"cast, netflix_cast.csv, cast, 44311", "category, netflix_category.csv, listed_in, 13670",
        "countries, netflix_countries.csv, country, 7179", "directors, netflix_directors.csv, director, 4852"})
    void shouldCheckEveryLookupRecordForAShowIdAndAValue(String dataset, String file, String column, int size) throws IOException {
        List<Map<String, String>> records = read(file);
        Map<String, Integer> failures = new HashMap<>();
        Map<Routing, Integer> routed = run(dataset, records, failures);

        Predicate<Map<String, String>> badId = r -> r.get("show_id") == null || !r.get("show_id").matches("[0-9]+");
        Predicate<Map<String, String>> noValue = r -> r.get(column) == null || r.get(column).strip().isEmpty();
        assertThat(records).hasSize(size);
        assertThat(failures.getOrDefault("valid_show_id", 0)).isEqualTo(count(records, badId));
        assertThat(failures.getOrDefault("value_present", 0)).isEqualTo(count(records, noValue));
        assertThat(routed.getOrDefault(Routing.VALIDATED, 0)).isEqualTo(size - count(records, badId.or(noValue)));
        assertThat(routed.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(size);
    }

    private static boolean notDigits(String value) {
        return value != null && !value.matches("[0-9]+");
    }

    private static int count(List<Map<String, String>> records, Predicate<Map<String, String>> test) {
        return (int) records.stream().filter(test).count();
    }

    private static Map<Routing, Integer> run(String dataset, List<Map<String, String>> records, Map<String, Integer> failures) {
        QualityGate gate = new QualityGate(List.of(new RuleSetCompiler(CLOCK).compile(ShippedRules.dataset(dataset))), CLOCK);
        Map<Routing, Integer> routed = new HashMap<>();
        long n = 0;
        for (Map<String, String> fields : records) {
            n++;
            Lineage lineage = new Lineage("file:seed", "etag", n, n + 1, "evt", CLOCK.instant(), CLOCK.instant());
            Decision decision = gate.judge(new RawRecord(1, "id-" + n, CLOCK.instant(), dataset, fields.get("show_id"), fields, lineage));
            routed.merge(decision.routing(), 1, Integer::sum);
            Verdict verdict = decision instanceof Decision.Validated v ? v.verdict() : ((Decision.Quarantined) decision).verdict();
            for (RuleOutcome outcome : verdict.failures()) {
                failures.merge(outcome.rule().name(), 1, Integer::sum);
            }
        }
        return routed;
    }

    /** As the ingest-service delivers them: BOM stripped, column name to value, an empty field is null. */
    private static List<Map<String, String>> read(String file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        String text = Files.readString(SEED.resolve(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : header) {
                    String value = record.isSet(column) ? record.get(column) : null;
                    row.put(column, value == null || value.isEmpty() ? null : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
