package io.netflixlakehouse.curation.serde;

import io.netflixlakehouse.curation.domain.GoldDelta;

/** type, age, country, the three count changes, the genre changes. */
final class GoldDeltaCodec implements CompactCodec<GoldDelta> {

    @Override
    public void write(GoldDelta value, CompactWriter out) {
        out.writeString(value.type());
        out.writeString(value.contentAgeCategory());
        out.writeString(value.country());
        out.writeLong(value.titles());
        out.writeLong(value.durationMinutesSum());
        out.writeLong(value.durationMinutesCount());
        out.writeCounts(value.genreCounts());
    }

    @Override
    public GoldDelta read(CompactReader in) {
        return new GoldDelta(in.readString(), in.readString(), in.readString(), in.readLong(), in.readLong(),
                in.readLong(), in.readCounts());
    }
}
