package io.netflixlakehouse.curation.serde;

import io.netflixlakehouse.curation.domain.GoldTotals;

/** type, age, country, the three counts, the genre counts. */
final class GoldTotalsCodec implements CompactCodec<GoldTotals> {

    @Override
    public void write(GoldTotals value, CompactWriter out) {
        out.writeString(value.type());
        out.writeString(value.contentAgeCategory());
        out.writeString(value.country());
        out.writeLong(value.contentCount());
        out.writeLong(value.durationMinutesSum());
        out.writeLong(value.durationMinutesCount());
        out.writeCounts(value.genreCounts());
    }

    @Override
    public GoldTotals read(CompactReader in) {
        return new GoldTotals(in.readString(), in.readString(), in.readString(), in.readLong(), in.readLong(),
                in.readLong(), in.readCounts());
    }
}
