package io.netflixlakehouse.quality.domain;

import java.util.Locale;

/** Where a record goes after its expectations are evaluated. */
public enum Routing {
    /** Passed every drop/quarantine/fail rule: validated topic (possibly with warnings). */
    VALIDATED,
    /** Failed a quarantine rule, or its dataset has no rules or was stopped: quarantine topic. */
    QUARANTINED,
    /** Failed only drop rules: also written to the quarantine topic, counted apart. */
    DROPPED,
    /** Failed a fail rule: sent to quarantine, and the dataset's flow stops. */
    STOPPED;

    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
