package io.netflixlakehouse.ingest.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A column of a dataset's schema and the type its values must fit (a schema hint). A value that
 * does not fit is not dropped: it is moved to {@code _rescued_data}.
 *
 * @param name the column name as it appears in the header
 * @param type its type
 * @param format date/timestamp pattern (e.g. {@code MMMM d, yyyy}); null for ISO; unused by other types
 */
public record ColumnHint(String name, ColumnType type, String format) {

    private static final Set<String> BOOLEANS = Set.of("true", "false");
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException if the format is not a valid pattern */
    public ColumnHint {
        if (format != null) {
            DateTimeFormatter.ofPattern(format, Locale.ENGLISH);
        }
    }

    public static ColumnHint string(String name) {
        return new ColumnHint(name, ColumnType.STRING, null);
    }

    /** Whether a non-null value fits the type; surrounding blanks are ignored. */
    public boolean accepts(String value) {
        String text = value.trim();
        try {
            switch (type) {
                case STRING -> {
                    return true;
                }
                case INT -> {
                    if (!isShortDecimal(text, 9)) {
                        Integer.parseInt(text);
                    }
                }
                case LONG -> {
                    if (!isShortDecimal(text, 18)) {
                        Long.parseLong(text);
                    }
                }
                case DOUBLE -> {
                    double parsed = Double.parseDouble(text);
                    return !Double.isNaN(parsed) && !Double.isInfinite(parsed);
                }
                case BOOLEAN -> {
                    return BOOLEANS.contains(text.toLowerCase(Locale.ROOT));
                }
                case DATE -> LocalDate.parse(text, formatter(DateTimeFormatter.ISO_LOCAL_DATE));
                case TIMESTAMP -> parseTimestamp(text);
                default -> throw new IllegalStateException("unhandled type " + type);
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Whether {@code text} is an optional sign and 1 to {@code maxDigits} ASCII digits: a number that fits without
     * parsing it (anything else, e.g. other Unicode digits or longer numbers, is left to the JDK's parse).
     */
    private static boolean isShortDecimal(String text, int maxDigits) {
        int length = text.length();
        int start = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (length == start || length - start > maxDigits) {
            return false;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void parseTimestamp(String text) {
        if (format != null) {
            LocalDateTime.parse(text, formatter(null));
            return;
        }
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            LocalDateTime.parse(text);
        }
    }

    private DateTimeFormatter formatter(DateTimeFormatter iso) {
        return format == null ? iso : FORMATTERS.computeIfAbsent(format, f -> DateTimeFormatter.ofPattern(f, Locale.ENGLISH));
    }
}
