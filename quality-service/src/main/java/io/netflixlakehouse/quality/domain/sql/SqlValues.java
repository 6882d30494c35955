package io.netflixlakehouse.quality.domain.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Casts and comparisons with Spark's non-ANSI semantics: a value that cannot be converted becomes
 * NULL instead of raising an error.
 */
final class SqlValues {

    /** Spark accepts an optional fraction when casting text to an integral type, and truncates it. */
    private static final Pattern INTEGRAL_TEXT = Pattern.compile("[+-]?\\d+(\\.\\d*)?");

    /** yyyy, yyyy-[m]m, yyyy-[m]m-[d]d, optionally followed by a time part, as Spark's string-to-date cast. */
    private static final Pattern DATE_TEXT = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[T ].*)?");

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    static final MathContext DIVISION = MathContext.DECIMAL64;

    private SqlValues() {
    }

    /** The implicit conversion to a number used by arithmetic and numeric comparison. */
    static BigDecimal toNumber(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof String s) {
            return parseDouble(s);
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return null;
    }

    static BigDecimal castToInt(Object value) {
        return castToIntegral(value, INT_MIN, INT_MAX);
    }

    static BigDecimal castToBigint(Object value) {
        return castToIntegral(value, LONG_MIN, LONG_MAX);
    }

    private static BigDecimal castToIntegral(Object value, BigDecimal min, BigDecimal max) {
        BigDecimal number;
        if (value instanceof String s) {
            String text = s.strip();
            if (!INTEGRAL_TEXT.matcher(text).matches()) {
                return null;
            }
            number = new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
        } else {
            number = toNumber(value);
        }
        if (number == null) {
            return null;
        }
        BigDecimal truncated = number.setScale(0, RoundingMode.DOWN);
        return truncated.compareTo(min) < 0 || truncated.compareTo(max) > 0 ? null : truncated;
    }

    static BigDecimal castToDouble(Object value) {
        BigDecimal number = value instanceof String s ? parseDouble(s) : toNumber(value);
        return number == null ? null : BigDecimal.valueOf(number.doubleValue());
    }

    /** Text to number; NaN and infinities have no decimal form and become NULL. */
    private static BigDecimal parseDouble(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String castToString(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    static LocalDate castToDate(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (!(value instanceof String s)) {
            return null;
        }
        Matcher m = DATE_TEXT.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)),
                    m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Boolean castToBoolean(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        if (value instanceof String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
                case "f", "false", "n", "no", "0" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /** How two operands of a comparison are compared, chosen once at compile time. */
    enum Comparison {
        NUMBER,
        STRING,
        DATE,
        BOOLEAN,
        /** One side is the NULL literal: the result is always NULL. */
        ALWAYS_NULL;

        static Comparison of(SqlType left, SqlType right) {
            if (left == SqlType.NULL || right == SqlType.NULL) {
                return ALWAYS_NULL;
            }
            if (left == right) {
                return switch (left) {
                    case STRING -> STRING;
                    case NUMBER -> NUMBER;
                    case DATE -> DATE;
                    case BOOLEAN -> BOOLEAN;
                    case NULL -> ALWAYS_NULL;
                };
            }
            if (isPair(left, right, SqlType.NUMBER, SqlType.STRING)) {
                return NUMBER;
            }
            if (isPair(left, right, SqlType.DATE, SqlType.STRING)) {
                return DATE;
            }
            if (isPair(left, right, SqlType.BOOLEAN, SqlType.STRING)) {
                return BOOLEAN;
            }
            return null;
        }

        private static boolean isPair(SqlType a, SqlType b, SqlType x, SqlType y) {
            return (a == x && b == y) || (a == y && b == x);
        }

        /** Negative, zero or positive, or null when either side is (or converts to) NULL. */
        Integer compare(Object left, Object right) {
            if (left == null || right == null) {
                return null;
            }
            return switch (this) {
                case NUMBER -> compareNullable(toNumber(left), toNumber(right));
                case STRING -> ((String) left).compareTo((String) right);
                case DATE -> compareNullable(castToDate(left), castToDate(right));
                case BOOLEAN -> compareNullable(castToBoolean(left), castToBoolean(right));
                case ALWAYS_NULL -> null;
            };
        }

        private static <T extends Comparable<T>> Integer compareNullable(T a, T b) {
            return a == null || b == null ? null : a.compareTo(b);
        }
    }
}
