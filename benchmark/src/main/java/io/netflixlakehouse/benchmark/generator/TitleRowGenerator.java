package io.netflixlakehouse.benchmark.generator;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Produces one Netflix-shaped record at a time (show_id s1, s2, ..., or from the settings' first id). Holds no
 * rows: only the learned profile and the random state, so memory stays constant whatever the row count. Same
 * profile, settings and seed give the same sequence of records.
 */
public final class TitleRowGenerator {

  /** Share of rows whose title gets one word replaced from the title vocabulary. */
  static final double TITLE_MUTATION_SHARE = 0.6;
  /** Stray-comma faults put the comma first in 2 of 7 cases, as in the real file. */
  static final int LEADING_COMMA_IN_7 = 2;
  private static final int MAX_PICK_ATTEMPTS_PER_VALUE = 4;

  private final SourceProfile profile;
  private final FaultRates faults;
  private final double multilineShare;
  private final SplittableRandom random;
  private long nextId;

  public TitleRowGenerator(SourceProfile profile, GeneratorSettings settings) {
    this.profile = profile;
    this.faults = settings.faults();
    this.multilineShare = settings.multilineDescriptionShare();
    this.random = new SplittableRandom(settings.seed());
    this.nextId = settings.firstShowId();
  }

  /** The next record, values in {@link KaggleCsvDialect#HEADER} order. */
  public String[] next() {
    String showId = "s" + nextId++;
    String type = profile.types().sample(random);
    SourceProfile.TypeProfile t = profile.type(type);
    String title = title();
    String director = pickDistinct(profile.directors(), t.directorCounts().sample(random));
    String cast = pickDistinct(profile.cast(), t.castCounts().sample(random));
    String country = pickDistinct(profile.countries(), t.countryCounts().sample(random));
    String dateAdded = profile.datesAdded().sample(random);
    String releaseYear = t.releaseYears().sample(random);
    String rating = t.ratings().sample(random);
    String duration = t.durations().sample(random);
    String listedIn = pickDistinct(t.genres(), t.genreCounts().sample(random));
    String description = description();

    double ratingDraw = random.nextDouble();
    if (ratingDraw < faults.durationInRating()) {
      rating = duration;
      duration = "";
    } else if (ratingDraw < faults.durationInRating() + faults.emptyRating()) {
      rating = "";
    }
    double dateDraw = random.nextDouble();
    if (dateDraw < faults.emptyDateAdded()) {
      dateAdded = "";
    } else if (dateDraw < faults.emptyDateAdded() + faults.leadingSpaceDateAdded()) {
      dateAdded = " " + dateAdded;
    }
    if (random.nextDouble() < faults.strayCommaCountry()) {
      if (country.isEmpty()) {
        country = profile.countries().sample(random);
      }
      country = random.nextInt(7) < LEADING_COMMA_IN_7 ? ", " + country : country + ",";
    }
    if (random.nextDouble() < multilineShare) {
      description = withNewline(description);
    }
    return new String[] {showId, type, title, director, cast, country, dateAdded, releaseYear, rating, duration,
        listedIn, description};
  }

  private String title() {
    String title = profile.titles().sample(random);
    if (random.nextDouble() >= TITLE_MUTATION_SHARE) {
      return title;
    }
    return replaceWords(title, 1, profile.titleWords());
  }

  private String description() {
    String description = profile.descriptions().sample(random);
    return replaceWords(description, 1 + random.nextInt(3), profile.descriptionWords());
  }

  private String replaceWords(String text, int count, EmpiricalPool<String> vocabulary) {
    String[] words = text.split(" ");
    for (int i = 0; i < count; i++) {
      words[random.nextInt(words.length)] = vocabulary.sample(random);
    }
    return String.join(" ", words);
  }

  /** Breaks the line before a space in the middle third of the text, as in the real file ("–\n and"). */
  private String withNewline(String text) {
    int from = text.length() / 3;
    int space = text.indexOf(' ', from + random.nextInt(Math.max(1, text.length() / 3)));
    if (space < 0) {
      space = text.indexOf(' ');
    }
    return space < 0 ? text + "\n" : text.substring(0, space) + "\n" + text.substring(space);
  }

  private String pickDistinct(EmpiricalPool<String> pool, int count) {
    if (count == 0) {
      return "";
    }
    Set<String> picked = new LinkedHashSet<>();
    for (int attempt = 0; picked.size() < count && attempt < count * MAX_PICK_ATTEMPTS_PER_VALUE; attempt++) {
      picked.add(pool.sample(random));
    }
    return String.join(KaggleCsvDialect.MULTI_VALUE_SEPARATOR, picked);
  }
}
