package io.netflixlakehouse.benchmark.generator;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The exact dialect of the Kaggle netflix_titles.csv: UTF-8 without BOM, LF record separator, comma delimiter, and
 * RFC-4180 minimal quoting (a field is quoted only when it holds a comma, a double quote, CR or LF; quotes are
 * doubled). Re-writing the shipped file's records with {@link #appendRecord} gives back the file byte for byte.
 */
public final class KaggleCsvDialect {

  /** The header row of the Kaggle file, in order. */
  public static final List<String> HEADER = List.of("show_id", "type", "title", "director", "cast", "country",
      "date_added", "release_year", "rating", "duration", "listed_in", "description");

  /** Number of columns of every record. */
  public static final int COLUMNS = HEADER.size();

  /** Separator inside the multi-valued columns director, cast, country and listed_in. */
  public static final String MULTI_VALUE_SEPARATOR = ", ";

  private KaggleCsvDialect() {
  }

  /** A Commons CSV format that reads this dialect; the first record is taken as the header. */
  public static CSVFormat readFormat() {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  }

  /** Appends one record (values in {@link #HEADER} order) and its LF separator. */
  public static void appendRecord(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, values.get(i));
    }
    out.append('\n');
  }

  /** Appends one record (values in {@link #HEADER} order) and its LF separator. */
  public static void appendRecord(StringBuilder out, String[] values) {
    appendRecord(out, List.of(values));
  }

  static void appendField(StringBuilder out, String value) {
    if (!needsQuotes(value)) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
