package io.netflixlakehouse.curation.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.curation.domain.GoldDelta;
import io.netflixlakehouse.curation.domain.GoldTotals;
import io.netflixlakehouse.curation.domain.TitleContribution;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class InternalSerdesTest {

    private static final String TOPIC = "lakehouse-curation-curation-gold-groups-repartition";

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value));
    }

    @Test
    void shouldRoundTripTitleContribution() {
        TitleContribution movie = new TitleContribution("Movie", "Modern", 104, List.of("Dramas", "Independent Movies"),
                List.of("Belgium", "Côte d'Ivoire", "France"));
        TitleContribution show = new TitleContribution("TV Show", "Recent", null, List.of(), List.of("Unknown"));

        assertThat(roundTrip(InternalSerdes.titleContribution(), movie)).isEqualTo(movie);
        assertThat(roundTrip(InternalSerdes.titleContribution(), show)).isEqualTo(show);
    }

    @Test
    void shouldRoundTripNegativeAndLargeDeltas() {
        GoldDelta delta = new GoldDelta("Movie", "Classic", "日本", -1, -312, -1,
                new TreeMap<>(Map.of("Anime Features", -1L, "Dramas", 1L)));
        GoldDelta large = new GoldDelta("Movie", "Recent", "India", Long.MAX_VALUE, Long.MIN_VALUE, 0, new TreeMap<>());

        assertThat(roundTrip(InternalSerdes.goldDelta(), delta)).isEqualTo(delta);
        assertThat(roundTrip(InternalSerdes.goldDelta(), large)).isEqualTo(large);
    }

    @Test
    void shouldRoundTripTotalsIncludingEmpty() {
        GoldTotals totals = new GoldTotals("Movie", "Recent", "United States", 2, 180, 2,
                new TreeMap<>(Map.of("Comedies", 1L, "Documentaries", 2L)));

        assertThat(roundTrip(InternalSerdes.goldTotals(), totals)).isEqualTo(totals);
        assertThat(roundTrip(InternalSerdes.goldTotals(), GoldTotals.EMPTY)).isEqualTo(GoldTotals.EMPTY);
    }

    @Test
    void shouldBeSmallerThanJson() throws Exception {
        GoldTotals totals = new GoldTotals("Movie", "Recent", "United States", 2, 180, 2,
                new TreeMap<>(Map.of("Comedies", 1L, "Documentaries", 2L)));

        byte[] compact = InternalSerdes.goldTotals().serializer().serialize(TOPIC, totals);

        assertThat(compact.length).isLessThan(Json.mapper().writeValueAsBytes(totals).length / 2);
    }

    @Test
    void shouldKeepTombstonesNull() {
        assertThat(InternalSerdes.goldDelta().serializer().serialize(TOPIC, null)).isNull();
        assertThat(InternalSerdes.goldDelta().deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldRejectJsonStateOfEarlierRelease() {
        byte[] json = "{\"type\":\"Movie\",\"contentCount\":2}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InternalSerdes.goldTotals().deserializer().deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Not a GoldTotals (format 0x31)")
                .hasMessageContaining("first byte 0x7b")
                .hasMessageContaining("application reset");
    }

    @Test
    void shouldRejectValueOfAnotherKind() {
        byte[] delta = InternalSerdes.goldDelta().serializer().serialize(TOPIC,
                new GoldDelta("Movie", "Recent", "India", 1, 90, 1, new TreeMap<>()));

        assertThatThrownBy(() -> InternalSerdes.goldTotals().deserializer().deserialize(TOPIC, delta))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("first byte 0x21");
    }

    @Test
    void shouldRejectTruncatedOrOverlongValue() {
        byte[] bytes = InternalSerdes.titleContribution().serializer().serialize(TOPIC,
                new TitleContribution("Movie", "Modern", 90, List.of("Dramas"), List.of("France")));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        byte[] overlong = Arrays.copyOf(bytes, bytes.length + 1);

        assertThatThrownBy(() -> InternalSerdes.titleContribution().deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Not a valid TitleContribution");
        assertThatThrownBy(() -> InternalSerdes.titleContribution().deserializer().deserialize(TOPIC, overlong))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("1 unread bytes");
        assertThatThrownBy(() -> InternalSerdes.titleContribution().deserializer().deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("first byte missing");
    }
}
