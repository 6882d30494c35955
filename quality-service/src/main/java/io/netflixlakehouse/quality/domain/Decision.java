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

    /** Send to the quarantine topic; routing is {@code QUARANTINED} or {@code DROPPED}. */
    record Quarantined(QuarantineRecord record, Verdict verdict, Routing routing) implements Decision {
    }

    /** Nack the record and stop. {@code verdict} is null when no rule set applies. */
    record Stopped(Verdict verdict, FlowStoppedException error) implements Decision {
        @Override
        public Routing routing() {
            return Routing.STOPPED;
        }
    }
}
