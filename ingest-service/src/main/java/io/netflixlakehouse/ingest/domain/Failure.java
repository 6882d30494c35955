package io.netflixlakehouse.ingest.domain;

/**
 * Why something could not be done: a reason code, an optional detail and, when it is about a line
 * of a file, that line.
 *
 * @param reason the policy that applies
 * @param detail a short human-readable detail, phrased to follow the code (e.g. "at line 7"); may be null
 * @param line the physical line of the file where the problem starts; 0 when not about a line
 */
public record Failure(Reason reason, String detail, long line) {

    public Failure(Reason reason, String detail) {
        this(reason, detail, 0);
    }

    public static Failure of(Reason reason) {
        return new Failure(reason, null, 0);
    }

    /** A failure at a line: the detail reads "at line N". */
    public static Failure atLine(Reason reason, long line) {
        return new Failure(reason, "at line " + line, line);
    }

    /** The text written to a manifest's {@code reason}: always starts with the code. */
    public String text() {
        return detail == null ? reason.name() : reason.name() + " " + detail;
    }
}
