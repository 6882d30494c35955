package io.netflixlakehouse.ingest.domain;

/**
 * Why something could not be done: a reason code and an optional detail.
 *
 * @param reason the policy that applies
 * @param detail a short human-readable detail, phrased to follow the code (e.g. "at line 7"); may be null
 */
public record Failure(Reason reason, String detail) {

    public static Failure of(Reason reason) {
        return new Failure(reason, null);
    }

    /** The text written to a manifest's {@code reason}: always starts with the code. */
    public String text() {
        return detail == null ? reason.name() : reason.name() + " " + detail;
    }
}
