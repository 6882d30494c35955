package io.netflixlakehouse.quality;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A valid title as the ingest-service produces it: the contracts' golden raw record. */
public final class GoldenTitle {

    private GoldenTitle() {
    }

    /** The golden record's fields, as a fresh mutable copy. */
    public static Map<String, String> fields() {
        try {
            RawRecord golden = Json.mapper().readValue(GoldenSamples.read(Topics.TITLES_RAW), RawRecord.class);
            return new LinkedHashMap<>(golden.fields());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
