package io.netflixlakehouse.benchmark.generator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The empirical distributions of a Kaggle-shaped titles file, learned once at start. Fault values are counted as
 * faults and kept out of the clean pools, so the generator injects faults only at the configured rates.
 */
public final class SourceProfile {

  private static final Pattern DURATION = Pattern.compile("\\d+ (min|Seasons?)");
  private static final Pattern NEWLINES = Pattern.compile("\\s*[\\r\\n]+\\s*");

  /** Distributions that depend on the title type (Movie or TV Show). */
  record TypeProfile(EmpiricalPool<String> releaseYears, EmpiricalPool<String> ratings,
      EmpiricalPool<String> durations, EmpiricalPool<String> genres, EmpiricalPool<Integer> directorCounts,
      EmpiricalPool<Integer> castCounts, EmpiricalPool<Integer> countryCounts,
      EmpiricalPool<Integer> genreCounts) {
  }

  private final long records;
  private final EmpiricalPool<String> types;
  private final Map<String, TypeProfile> byType;
  private final EmpiricalPool<String> directors;
  private final EmpiricalPool<String> cast;
  private final EmpiricalPool<String> countries;
  private final EmpiricalPool<String> datesAdded;
  private final EmpiricalPool<String> titles;
  private final EmpiricalPool<String> titleWords;
  private final EmpiricalPool<String> descriptions;
  private final EmpiricalPool<String> descriptionWords;
  private final FaultRates observedFaultRates;
  private final double observedMultilineShare;

  private SourceProfile(Learner l) {
    this.records = l.records;
    this.types = EmpiricalPool.of("type", l.types);
    Map<String, TypeProfile> perType = new LinkedHashMap<>();
    l.perType.forEach((type, t) -> perType.put(type, t.build(type)));
    this.byType = Collections.unmodifiableMap(perType);
    this.directors = EmpiricalPool.of("director", l.directors);
    this.cast = EmpiricalPool.of("cast", l.cast);
    this.countries = EmpiricalPool.of("country", l.countries);
    this.datesAdded = EmpiricalPool.of("date_added", l.datesAdded);
    this.titles = EmpiricalPool.of("title", l.titles);
    this.titleWords = EmpiricalPool.of("title words", l.titleWords);
    this.descriptions = EmpiricalPool.of("description", l.descriptions);
    this.descriptionWords = EmpiricalPool.of("description words", l.descriptionWords);
    double n = l.records;
    this.observedFaultRates = new FaultRates(l.durationInRating / n, l.emptyRating / n, l.emptyDateAdded / n,
        l.leadingSpaceDateAdded / n, l.strayCommaCountry / n);
    this.observedMultilineShare = l.multilineRecords / n;
  }

  /** Learns the profile of the file at {@code source} (UTF-8, Kaggle header). */
  public static SourceProfile learn(Path source) {
    try (Reader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
      return learn(reader);
    } catch (IOException | UncheckedIOException e) {
      throw new GeneratorException(GeneratorException.Reason.SOURCE_UNREADABLE,
          "cannot read source " + source + ": " + e.getMessage(), e);
    }
  }

  /** Learns the profile of the CSV text read from {@code reader} (Kaggle header). */
  public static SourceProfile learn(Reader reader) throws IOException {
    try (CSVParser parser = KaggleCsvDialect.readFormat().parse(reader)) {
      if (!KaggleCsvDialect.HEADER.equals(parser.getHeaderNames())) {
        throw new GeneratorException(GeneratorException.Reason.SOURCE_HEADER_MISMATCH,
            "expected header " + KaggleCsvDialect.HEADER + " but found " + parser.getHeaderNames());
      }
      Learner learner = new Learner();
      for (CSVRecord record : parser) {
        if (record.size() != KaggleCsvDialect.COLUMNS) {
          continue; // a broken row teaches nothing about the distributions
        }
        learner.add(record);
      }
      if (learner.records == 0) {
        throw new GeneratorException(GeneratorException.Reason.SOURCE_EMPTY, "the source has no records");
      }
      return new SourceProfile(learner);
    }
  }

  /** Number of source records learned from. */
  public long records() {
    return records;
  }

  /** Share of {@code type} among the source records. */
  public double typeShare(String type) {
    return types.share(type);
  }

  /** Fault rates of the source file, per record. */
  public FaultRates observedFaultRates() {
    return observedFaultRates;
  }

  /** Share of source records with a newline inside a field. */
  public double observedMultilineShare() {
    return observedMultilineShare;
  }

  EmpiricalPool<String> types() {
    return types;
  }

  TypeProfile type(String type) {
    return byType.get(type);
  }

  EmpiricalPool<String> directors() {
    return directors;
  }

  EmpiricalPool<String> cast() {
    return cast;
  }

  EmpiricalPool<String> countries() {
    return countries;
  }

  EmpiricalPool<String> datesAdded() {
    return datesAdded;
  }

  EmpiricalPool<String> titles() {
    return titles;
  }

  EmpiricalPool<String> titleWords() {
    return titleWords;
  }

  EmpiricalPool<String> descriptions() {
    return descriptions;
  }

  EmpiricalPool<String> descriptionWords() {
    return descriptionWords;
  }

  static List<String> splitMulti(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",")) {
      String trimmed = part.strip();
      if (!trimmed.isEmpty()) {
        parts.add(trimmed);
      }
    }
    return parts;
  }

  static String singleLine(String text) {
    return NEWLINES.matcher(text).replaceAll(" ").strip();
  }

  /** Accumulates observations; strings are shared through {@link #canonical} to keep the pools small. */
  private static final class Learner {
    private final Map<String, String> canonical = new HashMap<>();
    private long records;
    private final List<String> types = new ArrayList<>();
    private final Map<String, TypeLearner> perType = new LinkedHashMap<>();
    private final List<String> directors = new ArrayList<>();
    private final List<String> cast = new ArrayList<>();
    private final List<String> countries = new ArrayList<>();
    private final List<String> datesAdded = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final List<String> titleWords = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    private final List<String> descriptionWords = new ArrayList<>();
    private long durationInRating;
    private long emptyRating;
    private long emptyDateAdded;
    private long leadingSpaceDateAdded;
    private long strayCommaCountry;
    private long multilineRecords;

    void add(CSVRecord r) {
      records++;
      for (String value : r) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
          multilineRecords++;
          break;
        }
      }
      String type = intern(r.get("type"));
      types.add(type);
      TypeLearner t = perType.computeIfAbsent(type, k -> new TypeLearner());

      List<String> directorValues = splitMulti(r.get("director"));
      t.directorCounts.add(directorValues.size());
      directorValues.forEach(v -> directors.add(intern(v)));
      List<String> castValues = splitMulti(r.get("cast"));
      t.castCounts.add(castValues.size());
      castValues.forEach(v -> cast.add(intern(v)));
      String country = r.get("country");
      if (country.startsWith(",") || country.endsWith(",")) {
        strayCommaCountry++;
      }
      List<String> countryValues = splitMulti(country);
      t.countryCounts.add(countryValues.size());
      countryValues.forEach(v -> countries.add(intern(v)));
      List<String> genreValues = splitMulti(r.get("listed_in"));
      t.genreCounts.add(genreValues.size());
      genreValues.forEach(v -> t.genres.add(intern(v)));

      String date = r.get("date_added");
      if (date.isEmpty()) {
        emptyDateAdded++;
      } else {
        if (date.startsWith(" ")) {
          leadingSpaceDateAdded++;
        }
        datesAdded.add(intern(date.strip()));
      }
      t.releaseYears.add(intern(r.get("release_year")));

      String rating = r.get("rating");
      String duration = r.get("duration");
      if (duration.isEmpty() && DURATION.matcher(rating).matches()) {
        durationInRating++;
        t.durations.add(intern(rating));
      } else {
        if (rating.isEmpty()) {
          emptyRating++;
        } else {
          t.ratings.add(intern(rating));
        }
        if (!duration.isEmpty()) {
          t.durations.add(intern(duration));
        }
      }

      String title = singleLine(r.get("title"));
      titles.add(title);
      for (String word : title.split(" ")) {
        titleWords.add(intern(word));
      }
      String description = singleLine(r.get("description"));
      descriptions.add(description);
      for (String word : description.split(" ")) {
        descriptionWords.add(intern(word));
      }
    }

    private String intern(String value) {
      return canonical.computeIfAbsent(value, v -> v);
    }
  }

  private static final class TypeLearner {
    private final List<String> releaseYears = new ArrayList<>();
    private final List<String> ratings = new ArrayList<>();
    private final List<String> durations = new ArrayList<>();
    private final List<String> genres = new ArrayList<>();
    private final List<Integer> directorCounts = new ArrayList<>();
    private final List<Integer> castCounts = new ArrayList<>();
    private final List<Integer> countryCounts = new ArrayList<>();
    private final List<Integer> genreCounts = new ArrayList<>();

    TypeProfile build(String type) {
      return new TypeProfile(EmpiricalPool.of(type + " release_year", releaseYears),
          EmpiricalPool.of(type + " rating", ratings), EmpiricalPool.of(type + " duration", durations),
          EmpiricalPool.of(type + " listed_in", genres), EmpiricalPool.of(type + " director count", directorCounts),
          EmpiricalPool.of(type + " cast count", castCounts),
          EmpiricalPool.of(type + " country count", countryCounts),
          EmpiricalPool.of(type + " listed_in count", genreCounts));
    }
  }
}
