package io.netflixlakehouse.benchmark.generator;

import java.io.IOException;
import java.io.Writer;

/** Streams a header and {@code rows} generated records to a writer, one record at a time. */
public final class TitlesCsvGenerator {

  private TitlesCsvGenerator() {
  }

  /**
   * Writes the Kaggle header and the records; the caller owns (flushes and closes) {@code out}.
   *
   * @return the number of records written (without the header)
   */
  public static long write(SourceProfile profile, GeneratorSettings settings, Writer out) throws IOException {
    StringBuilder line = new StringBuilder(1024);
    KaggleCsvDialect.appendRecord(line, KaggleCsvDialect.HEADER);
    out.write(line.toString());
    TitleRowGenerator rows = new TitleRowGenerator(profile, settings);
    for (long i = 0; i < settings.rows(); i++) {
      line.setLength(0);
      KaggleCsvDialect.appendRecord(line, rows.next());
      out.write(line.toString());
    }
    return settings.rows();
  }
}
