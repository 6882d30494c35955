package io.netflixlakehouse.ingest.domain;

import java.util.Locale;

/** The types a schema hint may give a column; values are checked, never converted (raw records stay text). */
public enum ColumnType {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    /** A calendar date; the hint's {@code format} is a {@link java.time.format.DateTimeFormatter} pattern (default ISO). */
    DATE,
    /** An instant or local date-time; the hint's {@code format} is a pattern (default ISO offset or local). */
    TIMESTAMP;

    /** The type named in a spec ({@code string}, {@code int} ...). @throws IllegalArgumentException if unknown */
    public static ColumnType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + name + "' (expected one of string, int, long, double,"
                    + " boolean, date, timestamp)", e);
        }
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
