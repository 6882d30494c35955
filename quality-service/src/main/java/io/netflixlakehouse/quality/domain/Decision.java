package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;

/** What to do with one raw record. */
public sealed interface Decision {

    Routing routing();

    /** Send to the validated topic. */
    record Validated(ValidatedRecord record, Verdict verdict) implements Decision {
        @Override
        public Routing routing() {
            return Routing.VALIDATED;
        }
    }

    /**
     * Send to the quarantine topic; routing is {@code QUARANTINED} or {@code DROPPED}. {@code verdict} is null
     * for a record of a dataset without a rule set.
     */
    record Quarantined(QuarantineRecord record, Verdict verdict, Routing routing) implements Decision {
    }

    /**
     * Send to the quarantine topic (its failures include the {@code fail} rule) and stop the dataset's flow:
     * {@code error} is the alert naming dataset, rule, record and file.
     */
    record Stopped(QuarantineRecord record, Verdict verdict, FlowStoppedException error) implements Decision {
        @Override
        public Routing routing() {
            return Routing.STOPPED;
        }
    }
}
