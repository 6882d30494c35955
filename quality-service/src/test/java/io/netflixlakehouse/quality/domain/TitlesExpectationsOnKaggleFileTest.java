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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the shipped titles expectations over every record of the shipped Kaggle file and checks each
 * rule's failure count against a count computed here in plain Java, without the SQL engine.
 */
class TitlesExpectationsOnKaggleFileTest {

    private static final Path KAGGLE = Path.of("../data/kaggle/netflix_titles.csv");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final int CURRENT_YEAR = 2026;

    private static List<Map<String, String>> records;
    private static final Map<String, Integer> failuresByRule = new HashMap<>();
    private static final Map<String, Set<String>> failedKeysByRule = new HashMap<>();
    private static final Map<Routing, Integer> routed = new EnumMap<>(Routing.class);
    private static int validatedWithWarnings;

    @BeforeAll
    static void runTheShippedRulesOverTheFile() throws IOException {
        records = readKaggleFile();
        RuleSet ruleSet = new RuleSetCompiler(CLOCK).compile(ShippedRules.titles());
        QualityGate gate = new QualityGate(List.of(ruleSet), CLOCK);
        long n = 0;
        for (Map<String, String> fields : records) {
            n++;
            Lineage lineage = new Lineage("file:netflix_titles.csv", "etag", n, n + 1, "evt", CLOCK.instant(), CLOCK.instant());
            Decision decision = gate.judge(new RawRecord(1, "id-" + n, CLOCK.instant(), "titles", fields.get("show_id"), fields, lineage));
            routed.merge(decision.routing(), 1, Integer::sum);
            Verdict verdict = decision instanceof Decision.Validated v ? v.verdict() : ((Decision.Quarantined) decision).verdict();
            for (RuleOutcome outcome : verdict.failures()) {
                failuresByRule.merge(outcome.rule().name(), 1, Integer::sum);
                failedKeysByRule.computeIfAbsent(outcome.rule().name(), k -> new TreeSet<>()).add(fields.get("show_id"));
            }
            if (decision instanceof Decision.Validated v && !v.record().warnings().isEmpty()) {
                validatedWithWarnings++;
            }
        }
    }

    @Test
    void shouldReadEveryRecordOfTheFile() {
        assertThat(records).hasSize(8_807);
    }

    @Test
    void shouldFlagExactlyTheRatingsThatAreDurations() {
        Set<String> independent = new TreeSet<>();
        for (Map<String, String> r : records) {
            String rating = r.get("rating");
            if (rating != null && rating.endsWith(" min")) {
                independent.add(r.get("show_id"));
            }
        }
        assertThat(independent).containsExactly("s5542", "s5795", "s5814");
        assertThat(failedKeysByRule.get("rating_is_not_a_duration")).isEqualTo(independent);
    }

    @Test
    void shouldWarnExactlyForTheMissingDatesAdded() {
        long independent = records.stream().filter(r -> r.get("date_added") == null).count();
        assertThat(independent).isEqualTo(10);
        assertThat(failuresByRule.getOrDefault("date_added_present", 0)).isEqualTo((int) independent);
    }

    @Test
    void shouldFindEveryShowIdPresentAndEveryTypeValid() {
        long missingIds = records.stream().filter(r -> r.get("show_id") == null).count();
        long badTypes = records.stream().filter(r -> r.get("type") != null)
                .filter(r -> !r.get("type").equals("Movie") && !r.get("type").equals("TV Show")).count();
        assertThat(missingIds).isZero();
        assertThat(badTypes).isZero();
        assertThat(failuresByRule.getOrDefault("valid_show_id", 0)).isEqualTo((int) missingIds);
        assertThat(failuresByRule.getOrDefault("valid_type", 0)).isEqualTo((int) badTypes);
    }

    @Test
    void shouldFindNoReleaseYearOutOfRange() {
        int outOfRange = 0;
        int notANumber = 0;
        for (Map<String, String> r : records) {
            String year = r.get("release_year");
            if (year == null || !year.strip().matches("\\d+")) {
                notANumber++;
            } else if (Integer.parseInt(year.strip()) < 1900 || Integer.parseInt(year.strip()) > CURRENT_YEAR) {
                outOfRange++;
            }
        }
        assertThat(notANumber).isZero();
        assertThat(outOfRange).isZero();
        assertThat(failuresByRule.getOrDefault("valid_year", 0)).isEqualTo(outOfRange);
    }

    @Test
    void shouldFindEveryDurationWellFormedAndEveryDateADate() {
        long badDurations = records.stream().filter(r -> r.get("duration") != null)
                .filter(r -> !r.get("duration").matches("[0-9]+ (min|Season|Seasons)")).count();
        long badDates = records.stream().filter(r -> r.get("date_added") != null)
                .filter(r -> !r.get("date_added").strip().matches("[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}")).count();
        long noTitle = records.stream().filter(r -> r.get("title") == null || r.get("title").isBlank()).count();
        long leadingSpace = records.stream().filter(r -> r.get("date_added") != null && r.get("date_added").startsWith(" ")).count();
        assertThat(leadingSpace).isEqualTo(88);
        assertThat(failuresByRule.getOrDefault("duration_format", 0)).isEqualTo((int) badDurations).isZero();
        assertThat(failuresByRule.getOrDefault("date_added_is_a_date", 0)).isEqualTo((int) badDates).isZero();
        assertThat(failuresByRule.getOrDefault("title_present", 0)).isEqualTo((int) noTitle).isZero();
    }

    @Test
    void shouldRouteEveryRecordToValidatedOrQuarantine() {
        long independentQuarantined = records.stream()
                .filter(r -> r.get("show_id") == null
                        || (r.get("rating") != null && r.get("rating").endsWith(" min")))
                .count();
        long independentWarnedOnly = records.stream()
                .filter(r -> r.get("date_added") == null)
                .filter(r -> r.get("rating") == null || !r.get("rating").endsWith(" min"))
                .count();

        assertThat(routed.getOrDefault(Routing.QUARANTINED, 0)).isEqualTo((int) independentQuarantined).isEqualTo(3);
        assertThat(routed.getOrDefault(Routing.VALIDATED, 0)).isEqualTo(8_807 - 3);
        assertThat(routed.getOrDefault(Routing.VALIDATED, 0) + routed.getOrDefault(Routing.QUARANTINED, 0)).isEqualTo(8_807);
        assertThat(routed).doesNotContainKeys(Routing.DROPPED, Routing.STOPPED);
        assertThat(validatedWithWarnings).isEqualTo((int) independentWarnedOnly);
    }

    /** As the ingest-service delivers them: column name to value, an empty field is null. */
    private static List<Map<String, String>> readKaggleFile() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(KAGGLE, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : header) {
                    String value = record.get(column);
                    row.put(column, value == null || value.isEmpty() ? null : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
