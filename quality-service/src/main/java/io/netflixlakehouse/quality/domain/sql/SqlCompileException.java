package io.netflixlakehouse.quality.domain.sql;

/**
 * An expression that cannot be compiled: a syntax error (with its position), an unknown column, an
 * unsupported function or operator, or operands of the wrong type.
 */
public final class SqlCompileException extends RuntimeException {

    private final int line;
    private final int column;
    private final String subject;

    SqlCompileException(String message) {
        this(message, 0, 0);
    }

    SqlCompileException(String message, int line, int column) {
        this(message, line, column, null);
    }

    private SqlCompileException(String message, int line, int column, String subject) {
        super(message);
        this.line = line;
        this.column = column;
        this.subject = subject;
    }

    /** The (innermost) sub-expression the error is about, as JSqlParser prints it; null when not known. */
    public String subject() {
        return subject;
    }

    SqlCompileException withSubject(String text) {
        return new SqlCompileException(getMessage(), line, column, text);
    }

    /** The same error placed at {@code position} = {line, column} (1-based); unchanged when position is null. */
    SqlCompileException at(int[] position) {
        if (position == null) {
            return this;
        }
        return new SqlCompileException("at line " + position[0] + ", column " + position[1] + ": " + getMessage(),
                position[0], position[1], subject);
    }

    /** True when the error has a position in the expression text. */
    public boolean hasPosition() {
        return line > 0;
    }

    /** 1-based line of the error, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the error, 0 when unknown. */
    public int column() {
        return column;
    }
}
