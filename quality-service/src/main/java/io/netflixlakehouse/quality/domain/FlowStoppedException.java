package io.netflixlakehouse.quality.domain;

/** The reason a record was nacked: carries a reason code and a message naming dataset, rule, record id and url. */
public final class FlowStoppedException extends RuntimeException {

    private final StopReason reason;

    public FlowStoppedException(StopReason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public StopReason reason() {
        return reason;
    }
}
