package io.netflixlakehouse.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcInstantDeserializerTest {

    /** Jackson's own Instant reading, the reference the fast path must match. */
    private static final ObjectMapper REFERENCE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void shouldReadWhatTheMapperWritesAsJacksonDoes() throws JsonProcessingException {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String json = Json.mapper().writeValueAsString(instant);
            assertThat(Json.mapper().readValue(json, Instant.class)).isEqualTo(instant)
                    .isEqualTo(REFERENCE.readValue(json, Instant.class));
        }
    }

    @Test
    void shouldReadEveryFractionLengthAndLeapDays() throws JsonProcessingException {
        for (String text : List.of("2026-11-25T20:21:51Z", "2026-11-25T20:21:51.1Z", "2026-11-25T20:21:51.12Z",
                "2026-11-25T20:21:51.123Z", "2026-11-25T20:21:51.1234Z", "2026-11-25T20:21:51.12345Z",
                "2026-11-25T20:21:51.123456Z", "2026-11-25T20:21:51.1234567Z", "2026-11-25T20:21:51.12345678Z",
                "2026-11-25T20:21:51.123456789Z", "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z")) {
            assertThat(UtcInstantDeserializer.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
            assertThat(Json.mapper().readValue('"' + text + '"', Instant.class)).as(text)
                    .isEqualTo(REFERENCE.readValue('"' + text + '"', Instant.class));
        }
    }

    @Test
    void shouldLeaveEveryOtherFormToJackson() throws JsonProcessingException {
        for (String json : List.of("\"2026-11-25T21:21:51.5+01:00\"", "\"+10000-01-01T00:00:00Z\"",
                "\"2026-11-25t20:21:51z\"", "1764102111.5", "1764102111")) {
            if (json.startsWith("\"")) {
                assertThat(UtcInstantDeserializer.parseUtc(json.substring(1, json.length() - 1))).as(json).isNull();
            }
            assertThat(Json.mapper().readValue(json, Instant.class)).as(json)
                    .isEqualTo(REFERENCE.readValue(json, Instant.class));
        }
    }

    @Test
    void shouldTreatWhatItCannotReadAsJacksonDoes() {
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-25T24:00:00Z",
                "2026-11-25T20:21:51.Z", "2026-11-25T20:21:51.1234567890Z", "2026-11-25 20:21:51Z", "not a time")) {
            assertThat(UtcInstantDeserializer.parseUtc(text)).as(text).isNull();
            assertThat(outcome(Json.mapper(), text)).as(text).isEqualTo(outcome(REFERENCE, text));
        }
    }

    /** The Instant read from {@code text}, or the kind of failure. */
    private static Object outcome(ObjectMapper mapper, String text) {
        try {
            return mapper.readValue('"' + text + '"', Instant.class);
        } catch (JsonProcessingException e) {
            return e.getClass();
        }
    }
}
