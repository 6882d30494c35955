package io.netflixlakehouse.curation.serde;

import io.netflixlakehouse.curation.domain.GoldDelta;
import io.netflixlakehouse.curation.domain.GoldTotals;
import io.netflixlakehouse.curation.domain.TitleContribution;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes of the values only this module reads: its state stores, their changelogs and its
 * repartition topic. Each format has its own first byte (kind in the high nibble, version in the
 * low one), so a value is never read as another kind or version.
 */
public final class InternalSerdes {

    static final int TITLE_CONTRIBUTION_V1 = 0x11;
    static final int GOLD_DELTA_V1 = 0x21;
    static final int GOLD_TOTALS_V1 = 0x31;

    private InternalSerdes() {
    }

    public static Serde<TitleContribution> titleContribution() {
        return new CompactSerde<>("TitleContribution", TITLE_CONTRIBUTION_V1, new TitleContributionCodec());
    }

    public static Serde<GoldDelta> goldDelta() {
        return new CompactSerde<>("GoldDelta", GOLD_DELTA_V1, new GoldDeltaCodec());
    }

    public static Serde<GoldTotals> goldTotals() {
        return new CompactSerde<>("GoldTotals", GOLD_TOTALS_V1, new GoldTotalsCodec());
    }
}
