package io.netflixlakehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netflixlakehouse.contracts.serde.ContractSerdes;
import io.netflixlakehouse.contracts.serde.Json;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class GoldenSamplesTest {

    static final java.util.List<String> TOPICS = Topics.ALL;

    @ParameterizedTest
    @FieldSource("TOPICS")
    void shouldRoundTripTheGoldenSampleOfEveryTopicWithoutLosingAField(String topic) throws Exception {
        String golden = GoldenSamples.read(topic);
        Serde<?> serde = ContractSerdes.json(Topics.VALUE_TYPES.get(topic));

        Object record = serde.deserializer().deserialize(topic, golden.getBytes(StandardCharsets.UTF_8));
        byte[] written = serializeRaw(serde, topic, record);

        JsonNode expected = Json.mapper().readTree(golden);
        JsonNode actual = Json.mapper().readTree(written);
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource("TOPICS")
    void shouldNameEveryTopicDomainEntityStageAndMajorVersion(String topic) {
        assertThat(topic).matches("[a-z]+\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
        assertThat(Topics.VALUE_TYPES).containsKey(topic);
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] serializeRaw(Serde<T> serde, String topic, Object record) {
        return serde.serializer().serialize(topic, (T) record);
    }
}
