package io.netflixlakehouse.benchmark.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitlesCsvGeneratorTest {

  private static final int ROWS = 20_000;
  private static final Pattern DURATION = Pattern.compile("\\d+ (min|Seasons?)");

  private static String realRatesCsv;
  private static RealSource.Parsed realRates;

  @BeforeAll
  static void generateOnce() {
    realRatesCsv = RealSource.generate(ROWS, 42, 1.0);
    realRates = RealSource.parse(realRatesCsv);
  }

  @Test
  void shouldWriteTheExactHeaderAndRowCount() {
    assertThat(realRatesCsv).startsWith(String.join(",", KaggleCsvDialect.HEADER) + "\n");
    assertThat(realRates.header()).isEqualTo(KaggleCsvDialect.HEADER);
    assertThat(realRates.records()).hasSize(ROWS);
    assertThat(realRatesCsv).endsWith("\n").doesNotContain("\r");
  }

  @Test
  void shouldGiveEveryRecordTwelveColumns() {
    assertThat(realRates.records()).allSatisfy(r -> assertThat(r.size()).isEqualTo(12));
  }

  @Test
  void shouldNumberShowIdsSequentiallyFromOne() {
    List<CSVRecord> records = realRates.records();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).get("show_id")).isEqualTo("s" + (i + 1));
      ids.add(records.get(i).get("show_id"));
    }
    assertThat(ids).hasSize(ROWS);
  }

  @Test
  void shouldNumberShowIdsFromTheFirstIdOfTheSettings() {
    GeneratorSettings settings = new GeneratorSettings(5, 42, FaultRates.none(), 0.0).startingAt(1_000_001);

    List<CSVRecord> records = RealSource.parse(RealSource.generate(settings)).records();

    assertThat(records).extracting(r -> r.get("show_id"))
        .containsExactly("s1000001", "s1000002", "s1000003", "s1000004", "s1000005");
  }

  @Test
  void shouldRefuseAFirstShowIdBelowOne() {
    GeneratorSettings settings = new GeneratorSettings(5, 42, FaultRates.none(), 0.0);

    assertThatThrownBy(() -> settings.startingAt(0)).isInstanceOf(GeneratorException.class)
        .hasMessageContaining("first show_id");
  }

  @Test
  void shouldWriteTheSameBytesForTheSameSeed() {
    assertThat(RealSource.generate(2_000, 7, 1.0)).isEqualTo(RealSource.generate(2_000, 7, 1.0));
    assertThat(realRatesCsv).isEqualTo(RealSource.generate(ROWS, 42, 1.0));
  }

  @Test
  void shouldWriteOtherBytesForAnotherSeed() {
    assertThat(RealSource.generate(2_000, 8, 1.0)).isNotEqualTo(RealSource.generate(2_000, 7, 1.0));
  }

  @Test
  void shouldKeepTheRealTypeShares() {
    SourceProfile profile = RealSource.profile();
    double movies = share(realRates, r -> r.get("type").equals("Movie"));
    double shows = share(realRates, r -> r.get("type").equals("TV Show"));

    assertThat(movies).isCloseTo(profile.typeShare("Movie"), within(0.02));
    assertThat(shows).isCloseTo(profile.typeShare("TV Show"), within(0.02));
    assertThat(movies + shows).isEqualTo(1.0);
  }

  @Test
  void shouldJoinMultiValuedFieldsWithCommaSpaceAndNoDuplicates() {
    for (CSVRecord r : realRates.records()) {
      for (String column : List.of("director", "cast", "listed_in")) {
        String value = r.get(column);
        if (value.isEmpty()) {
          continue;
        }
        List<String> parts = List.of(value.split(", "));
        assertThat(parts).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isNotBlank().isEqualTo(p.strip()));
      }
    }
    assertThat(share(realRates, r -> r.get("cast").contains(", "))).isGreaterThan(0.5);
  }

  @Test
  void shouldDrawDurationsThatMatchTheType() {
    for (CSVRecord r : realRates.records()) {
      String duration = r.get("duration").isEmpty() ? r.get("rating") : r.get("duration");
      if (r.get("type").equals("Movie")) {
        assertThat(duration).endsWith(" min");
      } else {
        assertThat(duration).containsPattern(" Seasons?$");
      }
    }
  }

  /** Multipliers 1 (the real rates) and 30 (enough faults per column for a tight tolerance). */
  @ParameterizedTest
  @ValueSource(doubles = {1.0, 30.0})
  void shouldInjectFaultsAtTheConfiguredRates(double faultShare) {
    FaultRates expected = RealSource.profile().observedFaultRates().scaled(faultShare);
    RealSource.Parsed parsed = faultShare == 1.0 ? realRates : RealSource.parse(RealSource.generate(ROWS, 42,
        faultShare));

    assertRate(parsed, TitlesCsvGeneratorTest::durationInRating, expected.durationInRating());
    assertRate(parsed, r -> r.get("rating").isEmpty(), expected.emptyRating());
    assertRate(parsed, r -> r.get("date_added").isEmpty(), expected.emptyDateAdded());
    assertRate(parsed, r -> r.get("date_added").startsWith(" "), expected.leadingSpaceDateAdded());
    assertRate(parsed, r -> r.get("country").startsWith(",") || r.get("country").endsWith(","),
        expected.strayCommaCountry());
  }

  @Test
  void shouldWriteNoFaultsWhenTheFaultShareIsZero() {
    RealSource.Parsed clean = RealSource.parse(RealSource.generate(ROWS, 42, 0.0));

    assertThat(clean.records()).noneSatisfy(r -> assertThat(durationInRating(r)
        || r.get("rating").isEmpty() || r.get("date_added").isEmpty() || r.get("date_added").startsWith(" ")
        || r.get("country").startsWith(",") || r.get("country").endsWith(",")).isTrue());
  }

  @Test
  void shouldParseMultiLineDescriptionsBackAsOneRecord() {
    GeneratorSettings settings = new GeneratorSettings(ROWS, 42, FaultRates.none(), 0.01);
    String csv = RealSource.generate(settings);
    RealSource.Parsed parsed = RealSource.parse(csv);

    long multiLine = parsed.records().stream().filter(r -> r.get("description").contains("\n")).count();
    long physicalLines = csv.chars().filter(c -> c == '\n').count();
    assertThat(parsed.records()).hasSize(ROWS).allSatisfy(r -> assertThat(r.size()).isEqualTo(12));
    assertThat((double) multiLine / ROWS).isCloseTo(0.01, within(0.004));
    assertThat(physicalLines).isEqualTo(1 + ROWS + multiLine);
  }

  private static boolean durationInRating(CSVRecord r) {
    return r.get("duration").isEmpty() && DURATION.matcher(r.get("rating")).matches();
  }

  private static double share(RealSource.Parsed parsed, Predicate<CSVRecord> test) {
    return (double) parsed.records().stream().filter(test).count() / parsed.records().size();
  }

  /** Within five binomial standard deviations (plus one row) of the configured rate. */
  private static void assertRate(RealSource.Parsed parsed, Predicate<CSVRecord> fault, double rate) {
    long n = parsed.records().size();
    long observed = parsed.records().stream().filter(fault).count();
    double tolerance = 5 * Math.sqrt(n * rate * (1 - rate)) + 1;
    assertThat((double) observed).isCloseTo(n * rate, within(tolerance));
  }
}
