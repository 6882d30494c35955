package io.netflixlakehouse.lakewriter.schema;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.SparkTest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicSchemasTest extends SparkTest {

    @ParameterizedTest
    @ValueSource(strings = {
        Topics.TITLES_RAW, Topics.TITLES_QUARANTINE, Topics.TITLES_CURATED, Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY,
        Topics.QUALITY_EVENTS})
    void shouldParseTheGoldenSampleWithNoNullWhereTheSampleHasAValue(String topic) throws Exception {
        String sample = GoldenSamples.read(topic);

        String reparsed = spark.createDataset(List.of(sample), Encoders.STRING())
                .select(to_json(from_json(col("value"), TopicSchemas.forTopic(topic), Map.of("mode", "FAILFAST")))
                        .as("json"))
                .first()
                .getString(0);

        List<String> missing = new ArrayList<>();
        collectMissing("", Json.mapper().readTree(sample), Json.mapper().readTree(reparsed), missing);
        assertThat(missing).as("values of the golden sample lost by the schema").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        Topics.TITLES_RAW, Topics.TITLES_QUARANTINE, Topics.TITLES_CURATED, Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY})
    void shouldHaveAFieldForEveryComponentOfTheContractRecord(String topic) {
        List<String> components = Arrays.stream(Topics.VALUE_TYPES.get(topic).getRecordComponents())
                .map(c -> c.getName())
                .toList();

        assertThat(TopicSchemas.forTopic(topic).fieldNames()).containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void shouldParseInstantsWithNanosecondsAsJacksonWritesThem() {
        String json = Fixtures.json(Fixtures.curated("s9", "Nine", List.of("India"), "e1", 9, Fixtures.T2));
        StructType schema = TopicSchemas.CURATED_TITLE;

        Row parsed = spark.createDataset(List.of(json), Encoders.STRING())
                .select(from_json(col("value"), schema).as("v"))
                .select("v.eventTime", "v.lineage.blobEventTime", "v.dateAdded", "v.countries")
                .first();

        assertThat(parsed.getTimestamp(0)).isEqualTo(Timestamp.from(Fixtures.T2.minusNanos(789)));
        assertThat(parsed.getTimestamp(1)).isEqualTo(parsed.getTimestamp(0));
        assertThat(parsed.getDate(2)).hasToString("2021-09-25");
        assertThat(parsed.getList(3)).containsExactly("India");
    }

    private static void collectMissing(String path, JsonNode expected, JsonNode actual, List<String> missing) {
        if (expected == null || expected.isNull()) {
            return;
        }
        if (actual == null || actual.isNull()) {
            missing.add(path + " = " + expected);
            return;
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                collectMissing(path + "/" + f.getKey(), f.getValue(), actual.get(f.getKey()), missing);
            }
        } else if (expected.isArray()) {
            if (actual.size() != expected.size()) {
                missing.add(path + " size " + expected.size() + " != " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                collectMissing(path + "/" + i, expected.get(i), actual.get(i), missing);
            }
        }
    }
}
