package io.netflixlakehouse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Streams a CSV file into {@link RawRecord}s, one at a time, as its dataset spec says (delimiter, quote,
 * escape, encoding, header, multi-line): a BOM is stripped, CRLF or LF, quoted fields may span lines.
 * Nothing is held in memory but the current record. UTF-8, US-ASCII and ISO-8859-1 files without an escape
 * character (the usual case) are split by {@link CsvTokenizer} straight from their bytes; other dialects by
 * Commons CSV over a decoding reader. Both give the same records, lines and failures.
 *
 * <p>Policies, as Auto Loader's rescued data column: a value that does not fit its column's type hint
 * is null in its field and kept under its column name in {@code _rescued_data}; so are the values of
 * columns the evolution mode rescues, and the extra values of a row longer than the header (under
 * {@code _extra_1}, {@code _extra_2} ...). {@code _rescued_data} is a JSON object (text) that also holds
 * the row's physical {@code _line}; it is absent when nothing was rescued. A row shorter than the header
 * has null fields. Ragged and rescued rows are counted. An empty field is null. A parse error stops
 * reading with {@link Reason#CSV_PARSE_ERROR} "at line N" (N = line where the broken record starts), the
 * records before it having been handed to the sink; bytes invalid in the encoding are {@link Reason#NOT_CSV}.
 * Blank lines are not records.
 */
public final class CsvRecordReader {

    public static final String RESCUED = "_rescued_data";
    public static final String EXTRA_PREFIX = "_extra_";
    public static final String LINE = "_line";

    /** Decides, once the header is known, how the file's columns map onto the schema. */
    @FunctionalInterface
    public interface HeaderHandler {
        FileSchema.Plan onHeader(List<String> header, long line);
    }

    public ReadResult read(InputStream input, RecordContext context, HeaderHandler onHeader, Consumer<RawRecord> sink)
            throws IOException {
        CsvOptions options = context.dataset().csv();
        try (InputStream withoutBom = BOMInputStream.builder().setInputStream(input).get()) {
            if (CsvTokenizer.supports(options)) {
                return read(new TokenizerRows(new CsvTokenizer(withoutBom, options)), context, onHeader, sink);
            }
            CharsetDecoder decoder = options.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(options.delimiter())
                    .setQuote(options.quote())
                    .setEscape(options.escape())
                    // Blank lines are kept by the parser (and skipped here) so physical line numbers stay exact.
                    .setIgnoreEmptyLines(false)
                    .get();
            try (Reader reader = new InputStreamReader(withoutBom, decoder);
                    CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                return read(new CommonsRows(parser), context, onHeader, sink);
            }
        }
    }

    /** The records of a file, one at a time; the values of the current one are {@link #value}(0 .. size-1). */
    private interface Rows {
        /** False at the end of the input; {@link CsvException} for input that is not CSV. */
        boolean next() throws IOException;

        int size();

        String value(int index);

        /** Line breaks read so far. */
        long lines();

        /** Whether the current record held a line break inside a quoted value. */
        boolean spansLines();
    }

    /** The input is not CSV (unterminated quote, text after a closing quote). */
    private static final class CsvException extends IOException {
        private static final long serialVersionUID = 1L;

        CsvException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** ASCII-compatible encodings without an escape character: {@link CsvTokenizer}, straight from the bytes. */
    private record TokenizerRows(CsvTokenizer tokenizer) implements Rows {
        @Override
        public boolean next() throws IOException {
            try {
                return tokenizer.next();
            } catch (CsvTokenizer.Malformed e) {
                throw new CsvException(e);
            }
        }

        @Override
        public int size() {
            return tokenizer.size();
        }

        @Override
        public String value(int index) {
            return tokenizer.value(index);
        }

        @Override
        public long lines() {
            return tokenizer.lines();
        }

        @Override
        public boolean spansLines() {
            return tokenizer.spansLines();
        }
    }

    /** Every other dialect (an escape character, multi-byte encodings): Commons CSV over a decoding reader. */
    private static final class CommonsRows implements Rows {
        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private CSVRecord row;
        private boolean spans;

        CommonsRows(CSVParser parser) {
            this.parser = parser;
            this.iterator = parser.iterator();
        }

        @Override
        public boolean next() throws IOException {
            long startLine = parser.getCurrentLineNumber() + 1;
            try {
                if (!iterator.hasNext()) {
                    return false;
                }
                row = iterator.next();
            } catch (UncheckedIOException e) {
                throw e.getCause() instanceof CSVException ? new CsvException(e.getCause()) : e.getCause();
            }
            spans = parser.getCurrentLineNumber() > startLine;
            return true;
        }

        @Override
        public int size() {
            return row.size();
        }

        @Override
        public String value(int index) {
            return row.get(index);
        }

        @Override
        public long lines() {
            return parser.getCurrentLineNumber();
        }

        @Override
        public boolean spansLines() {
            return spans;
        }
    }

    private static ReadResult read(Rows rows, RecordContext context, HeaderHandler onHeader, Consumer<RawRecord> sink) {
        CsvOptions options = context.dataset().csv();
        FileSchema schema = null;
        RowLayout layout = null;
        long records = 0;
        long ragged = 0;
        long rescued = 0;
        if (!options.header()) {
            FileSchema.Plan plan = onHeader.onHeader(context.dataset().columnNames(), 0);
            if (plan instanceof FileSchema.Refused refused) {
                return new ReadResult(0, 0, 0, refused.why());
            }
            schema = ((FileSchema.Accepted) plan).schema();
            layout = new RowLayout(schema, RESCUED);
        }
        while (true) {
            long startLine = rows.lines() + 1;
            try {
                if (!rows.next()) {
                    break;
                }
            } catch (IOException e) {
                return new ReadResult(records, ragged, rescued, readFailure(e, startLine));
            }
            if (!options.multiLine() && rows.spansLines()) {
                return new ReadResult(records, ragged, rescued, new Failure(Reason.CSV_PARSE_ERROR,
                        "(a value spans lines and multiLine is false) at line " + startLine, startLine));
            }
            if (isBlankLine(rows)) {
                continue;
            }
            if (schema == null) {
                List<String> header = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    header.add(rows.value(i));
                }
                FileSchema.Plan plan = onHeader.onHeader(header, startLine);
                if (plan instanceof FileSchema.Refused refused) {
                    return new ReadResult(0, 0, 0, refused.why());
                }
                schema = ((FileSchema.Accepted) plan).schema();
                layout = new RowLayout(schema, RESCUED);
                continue;
            }
            records++;
            if (rows.size() != schema.header().size()) {
                ragged++;
            }
            RawRecord record = toRecord(rows, schema, layout, records, startLine, context);
            if (record.fields().containsKey(RESCUED)) {
                rescued++;
            }
            sink.accept(record);
        }
        if (schema == null) {
            return new ReadResult(0, 0, 0, new Failure(Reason.INVALID_HEADER, "(no header row)", 1));
        }
        return new ReadResult(records, ragged, rescued, null);
    }

    private static Failure readFailure(IOException cause, long line) {
        if (cause instanceof CsvException) {
            return Failure.atLine(Reason.CSV_PARSE_ERROR, line);
        }
        if (cause instanceof CharacterCodingException) {
            return new Failure(Reason.NOT_CSV, "(not valid text in the dataset's encoding) at line " + line, line);
        }
        if (cause instanceof BlobStore.StorageUnavailableException) {
            return new Failure(Reason.STORAGE_UNAVAILABLE, "(" + cause.getMessage() + ") at line " + line, line);
        }
        return new Failure(Reason.READ_ERROR, "(" + cause.getMessage() + ") at line " + line, line);
    }

    private static RawRecord toRecord(Rows row, FileSchema schema, RowLayout layout, long recordNumber, long lineNumber,
            RecordContext context) {
        List<String> header = schema.header();
        List<FileSchema.Action> actions = schema.actions();
        String[] values = layout.newValues();
        Map<String, Object> rescue = null;
        int columns = header.size();
        int present = row.size();
        for (int i = 0; i < columns; i++) {
            String value = i < present ? emptyToNull(row.value(i)) : null;
            switch (actions.get(i)) {
                case FIELD -> {
                    if (value != null && !layout.accepts(i, value)) {
                        rescue = put(rescue, header.get(i), value);
                        value = null;
                    }
                    values[layout.slot(i)] = value;
                }
                case RESCUE -> {
                    if (value != null) {
                        rescue = put(rescue, header.get(i), value);
                    }
                }
                case IGNORE -> {
                    // evolution mode none: the value of a column not in the schema is not kept
                }
                default -> throw new IllegalStateException("unhandled action");
            }
        }
        // schema columns the file lacks stay null in their slots
        for (int i = columns; i < present; i++) {
            String value = emptyToNull(row.value(i));
            if (value != null) {
                rescue = put(rescue, EXTRA_PREFIX + (i - columns + 1), value);
            }
        }
        if (rescue != null) {
            rescue.put(LINE, lineNumber);
            values[layout.rescuedSlot()] = json(rescue);
        }
        Map<String, String> fields = layout.fields(values);
        String key = key(row, schema.keyIndexes());
        Instant now = context.clock().instant();
        Lineage lineage = new Lineage(
                context.sourceUrl(), context.eTag(), recordNumber, lineNumber,
                context.blobEventId(), context.blobEventTime(), now);
        return new RawRecord(
                RawRecord.SCHEMA_VERSION,
                RecordIds.of(context.sourceUrl(), context.eTag(), recordNumber),
                now,
                context.dataset().name(),
                key,
                fields,
                lineage);
    }

    private static String key(Rows row, int[] keyIndexes) {
        if (keyIndexes.length == 1) {
            return keyIndexes[0] < row.size() ? emptyToNull(row.value(keyIndexes[0])) : null;
        }
        StringJoiner joined = new StringJoiner("|");
        for (int index : keyIndexes) {
            String value = index < row.size() ? emptyToNull(row.value(index)) : null;
            if (value == null) {
                return null;
            }
            joined.add(value);
        }
        return joined.toString();
    }

    private static Map<String, Object> put(Map<String, Object> rescue, String column, String value) {
        Map<String, Object> map = rescue == null ? new LinkedHashMap<>() : rescue;
        map.put(column, value);
        return map;
    }

    private static String json(Map<String, Object> rescue) {
        try {
            return Json.mapper().writeValueAsString(rescue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static boolean isBlankLine(Rows row) {
        return row.size() == 1 && row.value(0).isEmpty();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
