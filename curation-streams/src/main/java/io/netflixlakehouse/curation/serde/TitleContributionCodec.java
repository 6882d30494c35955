package io.netflixlakehouse.curation.serde;

import io.netflixlakehouse.curation.domain.TitleContribution;

/** type, age, running time, genres, countries. */
final class TitleContributionCodec implements CompactCodec<TitleContribution> {

    @Override
    public void write(TitleContribution value, CompactWriter out) {
        out.writeString(value.type());
        out.writeString(value.contentAgeCategory());
        out.writeNullableInt(value.durationMinutes());
        out.writeStrings(value.genres());
        out.writeStrings(value.countries());
    }

    @Override
    public TitleContribution read(CompactReader in) {
        return new TitleContribution(in.readString(), in.readString(), in.readNullableInt(), in.readStrings(),
                in.readStrings());
    }
}
