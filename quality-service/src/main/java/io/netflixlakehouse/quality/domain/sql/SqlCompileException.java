package io.netflixlakehouse.quality.domain.sql;

/**
 * An expression that cannot be compiled: a syntax error (with its position), an unknown column, an
 * unsupported function or operator, or operands of the wrong type.
 */
public final class SqlCompileException extends RuntimeException {

    private final int line;
    private final int column;

    SqlCompileException(String message) {
        this(message, 0, 0);
    }

    SqlCompileException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** True when the error has a position in the expression text (parse errors). */
    public boolean hasPosition() {
        return line > 0;
    }

    /** 1-based line of a parse error, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of a parse error, 0 when unknown. */
    public int column() {
        return column;
    }
}
