package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.RecordIds;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Streams a CSV file into {@link RawRecord}s, one at a time: UTF-8 with or without a BOM, CRLF or
 * LF, quoted fields spanning lines, header from the first row. Nothing is held in memory but the
 * current record.
 *
 * <p>Policies: an empty field is null; a ragged row is still a record (missing columns null, extra
 * values under {@code _extra_1}, {@code _extra_2} ...) and is counted; a parse error stops reading
 * with {@link Reason#CSV_PARSE_ERROR} "at line N" (N = physical line where the broken record
 * starts), the records before it having been handed to the sink; blank lines are not records.
 */
public final class CsvRecordReader {

    /** Blank lines are kept by the parser (and skipped here) so physical line numbers stay exact. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    public static final String EXTRA_PREFIX = "_extra_";

    public ReadResult read(InputStream input, RecordContext context, Consumer<RawRecord> sink) throws IOException {
        try (InputStream withoutBom = BOMInputStream.builder().setInputStream(input).get();
                Reader reader = new InputStreamReader(withoutBom, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            return read(parser, context, sink);
        }
    }

    private static ReadResult read(CSVParser parser, RecordContext context, Consumer<RawRecord> sink) {
        Iterator<CSVRecord> rows = parser.iterator();
        List<String> header = null;
        int keyIndex = -1;
        long records = 0;
        long ragged = 0;
        while (true) {
            long startLine = parser.getCurrentLineNumber() + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) {
                    break;
                }
                row = rows.next();
            } catch (UncheckedIOException e) {
                Reason reason = e.getCause() instanceof CSVException ? Reason.CSV_PARSE_ERROR
                        : e.getCause() instanceof BlobStore.StorageUnavailableException ? Reason.STORAGE_UNAVAILABLE
                        : Reason.READ_ERROR;
                return new ReadResult(records, ragged, new Failure(reason, "at line " + startLine));
            }
            if (isBlankLine(row)) {
                continue;
            }
            if (header == null) {
                header = row.toList();
                Failure invalid = checkHeader(header, context.dataset().keyColumn());
                if (invalid != null) {
                    return new ReadResult(0, 0, invalid);
                }
                keyIndex = header.indexOf(context.dataset().keyColumn());
                continue;
            }
            records++;
            if (row.size() != header.size()) {
                ragged++;
            }
            sink.accept(toRecord(row, header, keyIndex, records, startLine, context));
        }
        if (header == null) {
            return new ReadResult(0, 0, new Failure(Reason.INVALID_HEADER, "(no header row)"));
        }
        return new ReadResult(records, ragged, null);
    }

    private static RawRecord toRecord(
            CSVRecord row, List<String> header, int keyIndex, long recordNumber, long lineNumber, RecordContext context) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), i < row.size() ? emptyToNull(row.get(i)) : null);
        }
        for (int i = header.size(); i < row.size(); i++) {
            fields.put(EXTRA_PREFIX + (i - header.size() + 1), emptyToNull(row.get(i)));
        }
        String key = keyIndex < row.size() ? emptyToNull(row.get(keyIndex)) : null;
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

    private static Failure checkHeader(List<String> header, String keyColumn) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String column : header) {
            if (!seen.add(column)) {
                duplicates.add(column);
            }
        }
        if (!duplicates.isEmpty()) {
            return new Failure(Reason.INVALID_HEADER, "(duplicate columns " + duplicates + ")");
        }
        if (!seen.contains(keyColumn)) {
            return new Failure(Reason.INVALID_HEADER, "(no key column " + keyColumn + ")");
        }
        return null;
    }

    private static boolean isBlankLine(CSVRecord row) {
        return row.size() == 1 && row.get(0).isEmpty();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
