package io.netflixlakehouse.benchmark.generator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The shipped Kaggle file (tests run in the module folder) and helpers to generate and parse back. */
final class RealSource {

  static final Path PATH = Path.of("../data/kaggle/netflix_titles.csv");

  private static SourceProfile profile;

  private RealSource() {
  }

  static synchronized SourceProfile profile() {
    if (profile == null) {
      profile = SourceProfile.learn(PATH);
    }
    return profile;
  }

  static String generate(GeneratorSettings settings) {
    StringWriter out = new StringWriter();
    try {
      TitlesCsvGenerator.write(profile(), settings, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String generate(long rows, long seed, double faultShare) {
    return generate(GeneratorSettings.realistic(profile(), rows, seed, faultShare));
  }

  /** Header names and records of CSV text, read with Commons CSV. */
  record Parsed(List<String> header, List<CSVRecord> records) {
  }

  static Parsed parse(String csv) {
    try (CSVParser parser = KaggleCsvDialect.readFormat().parse(new StringReader(csv))) {
      return new Parsed(parser.getHeaderNames(), parser.getRecords());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
