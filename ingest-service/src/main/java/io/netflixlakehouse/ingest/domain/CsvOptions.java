package io.netflixlakehouse.ingest.domain;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a dataset's files are written.
 *
 * @param header whether the first row names the columns; if not, the spec's columns are the header
 * @param delimiter the field separator
 * @param quote the quote character
 * @param escape the escape character, null for none (a quote inside quotes is then doubled, RFC 4180)
 * @param encoding the character set; a byte sequence invalid in it makes the file {@link Reason#NOT_CSV}
 * @param multiLine whether a quoted value may span lines; if not, such a value is a {@link Reason#CSV_PARSE_ERROR}
 */
public record CsvOptions(boolean header, char delimiter, char quote, Character escape, Charset encoding, boolean multiLine) {

    /** RFC 4180 with a header, UTF-8 (BOM or not), values over several lines allowed. */
    public static final CsvOptions DEFAULT = new CsvOptions(true, ',', '"', null, StandardCharsets.UTF_8, true);
}
