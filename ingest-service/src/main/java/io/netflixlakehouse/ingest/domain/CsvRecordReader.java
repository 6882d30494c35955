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
 * Nothing is held in memory but the current record.
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
        try (InputStream withoutBom = BOMInputStream.builder().setInputStream(input).get();
                Reader reader = new InputStreamReader(withoutBom, decoder);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            return read(parser, context, onHeader, sink);
        }
    }

    private static ReadResult read(CSVParser parser, RecordContext context, HeaderHandler onHeader, Consumer<RawRecord> sink) {
        CsvOptions options = context.dataset().csv();
        Iterator<CSVRecord> rows = parser.iterator();
        FileSchema schema = null;
        long records = 0;
        long ragged = 0;
        long rescued = 0;
        if (!options.header()) {
            FileSchema.Plan plan = onHeader.onHeader(context.dataset().columnNames(), 0);
            if (plan instanceof FileSchema.Refused refused) {
                return new ReadResult(0, 0, 0, refused.why());
            }
            schema = ((FileSchema.Accepted) plan).schema();
        }
        while (true) {
            long startLine = parser.getCurrentLineNumber() + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) {
                    break;
                }
                row = rows.next();
            } catch (UncheckedIOException e) {
                return new ReadResult(records, ragged, rescued, readFailure(e.getCause(), startLine));
            }
            if (!options.multiLine() && parser.getCurrentLineNumber() > startLine) {
                return new ReadResult(records, ragged, rescued, new Failure(Reason.CSV_PARSE_ERROR,
                        "(a value spans lines and multiLine is false) at line " + startLine, startLine));
            }
            if (isBlankLine(row)) {
                continue;
            }
            if (schema == null) {
                FileSchema.Plan plan = onHeader.onHeader(row.toList(), startLine);
                if (plan instanceof FileSchema.Refused refused) {
                    return new ReadResult(0, 0, 0, refused.why());
                }
                schema = ((FileSchema.Accepted) plan).schema();
                continue;
            }
            records++;
            if (row.size() != schema.header().size()) {
                ragged++;
            }
            RawRecord record = toRecord(row, schema, records, startLine, context);
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
        if (cause instanceof CSVException) {
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

    private static RawRecord toRecord(CSVRecord row, FileSchema schema, long recordNumber, long lineNumber,
            RecordContext context) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Object> rescue = null;
        List<String> header = schema.header();
        for (int i = 0; i < header.size(); i++) {
            String value = i < row.size() ? emptyToNull(row.get(i)) : null;
            String column = header.get(i);
            switch (schema.actions().get(i)) {
                case FIELD -> {
                    ColumnHint hint = schema.hints().get(i);
                    if (value != null && hint != null && !hint.accepts(value)) {
                        rescue = put(rescue, column, value);
                        value = null;
                    }
                    fields.put(column, value);
                }
                case RESCUE -> {
                    if (value != null) {
                        rescue = put(rescue, column, value);
                    }
                }
                case IGNORE -> {
                    // evolution mode none: the value of a column not in the schema is not kept
                }
                default -> throw new IllegalStateException("unhandled action");
            }
        }
        for (String column : schema.missing()) {
            fields.put(column, null);
        }
        for (int i = header.size(); i < row.size(); i++) {
            String value = emptyToNull(row.get(i));
            if (value != null) {
                rescue = put(rescue, EXTRA_PREFIX + (i - header.size() + 1), value);
            }
        }
        if (rescue != null) {
            rescue.put(LINE, lineNumber);
            fields.put(RESCUED, json(rescue));
        }
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

    private static String key(CSVRecord row, int[] keyIndexes) {
        if (keyIndexes.length == 1) {
            return keyIndexes[0] < row.size() ? emptyToNull(row.get(keyIndexes[0])) : null;
        }
        StringJoiner joined = new StringJoiner("|");
        for (int index : keyIndexes) {
            String value = index < row.size() ? emptyToNull(row.get(index)) : null;
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

    private static boolean isBlankLine(CSVRecord row) {
        return row.size() == 1 && row.get(0).isEmpty();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
