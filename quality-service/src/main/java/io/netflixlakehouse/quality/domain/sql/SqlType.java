package io.netflixlakehouse.quality.domain.sql;

/**
 * The static type of a compiled sub-expression. Record values are strings; numbers are held as
 * {@link java.math.BigDecimal}, dates as {@link java.time.LocalDate}. {@code NULL} is the type of the
 * {@code NULL} literal, compatible with every other type.
 */
public enum SqlType {
    STRING,
    NUMBER,
    BOOLEAN,
    DATE,
    NULL
}
