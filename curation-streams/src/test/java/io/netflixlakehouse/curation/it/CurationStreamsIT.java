package io.netflixlakehouse.curation.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.contracts.serde.ContractSerdes;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import io.netflixlakehouse.curation.domain.TestRecords;
import io.netflixlakehouse.curation.topology.CurationTopology;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The packaged service's Quarkus wiring against a real broker: config, exactly-once, topics, health. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class CurationStreamsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void shouldCurateAndAggregateOnRealBrokerAndStayRightOnUpdateAndReplay() throws Exception {
        ValidatedRecord s1 = Json.mapper().readValue(GoldenSamples.read(Topics.TITLES_VALIDATED), ValidatedRecord.class);
        ValidatedRecord s2 = TestRecords.movie("s2", "United States, India", "2021", "100 min", "Comedies");
        ValidatedRecord s2Corrected = TestRecords.movie("s2", "United States", "2015", "100 min", "Comedies");
        ValidatedRecord s3 = TestRecords.movie("s3", null, "1999", "130 min", "Dramas");

        // Phase 1: three titles; s2 counts in the United States and India.
        produce(List.of(s1, s2, s3), 0);
        Map<String, GoldTitleAggregate> gold = readUntil(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY,
                ContractSerdes.goldTitleAggregate().deserializer(),
                table -> count(table, "Movie|Recent|United States") == 2 && count(table, "Movie|Recent|India") == 1
                        && count(table, "Movie|Classic|Unknown") == 1);
        assertThat(gold.get("Movie|Recent|United States").genres()).containsExactly("Comedies", "Documentaries");
        assertThat(gold.get("Movie|Classic|Unknown").durationMinutesSum()).isEqualTo(130);

        // Phase 2: s2 is corrected (2015, no India) and s1 is delivered again.
        produce(List.of(s2Corrected, s1), 3);
        gold = readUntil(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, ContractSerdes.goldTitleAggregate().deserializer(),
                table -> table.containsKey("Movie|Recent|India") && table.get("Movie|Recent|India") == null
                        && count(table, "Movie|Modern|United States") == 1
                        && count(table, "Movie|Recent|United States") == 1);
        assertThat(gold.get("Movie|Recent|United States").genres()).containsExactly("Documentaries");
        assertThat(count(gold, "Movie|Classic|Unknown")).isEqualTo(1);

        Map<String, CuratedTitle> curated = readUntil(Topics.TITLES_CURATED, ContractSerdes.curatedTitle().deserializer(),
                table -> table.containsKey("s3") && table.containsKey("s2") && table.get("s2").releaseYear() == 2015);
        assertThat(curated.get("s1").title()).isEqualTo("Dick Johnson Is Dead");
        assertThat(curated.get("s1").eventTime()).isEqualTo(s1.lineage().blobEventTime());

        // Phase 3: s3 is deleted (tombstone): its only group is left empty and deleted.
        produceTombstone("s3", 5);
        gold = readUntil(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, ContractSerdes.goldTitleAggregate().deserializer(),
                table -> table.containsKey("Movie|Classic|Unknown") && table.get("Movie|Classic|Unknown") == null);
        assertThat(count(gold, "Movie|Recent|United States")).isEqualTo(1);

        assertThat(internalTopics().stream().filter(topic -> topic.startsWith(appId() + "-"))).containsExactlyInAnyOrder(
                appId() + "-" + CurationTopology.GROUPS_REPARTITION + "-repartition",
                appId() + "-" + CurationTopology.TITLE_CONTRIBUTIONS_STORE + "-changelog",
                appId() + "-" + CurationTopology.GOLD_STORE + "-changelog");

        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(readiness.toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\": \"UP\"");
    }

    private static String appId() {
        return ConfigProvider.getConfig().getValue("quarkus.kafka-streams.application-id", String.class);
    }

    private static long count(Map<String, GoldTitleAggregate> table, String group) {
        GoldTitleAggregate gold = table.get(group);
        return gold == null ? 0 : gold.contentCount();
    }

    private static void produce(List<ValidatedRecord> records, int firstSecond) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ValidatedRecord> producer =
                new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>())) {
            long timestamp = Instant.parse("2026-11-25T10:15:31Z").plusSeconds(firstSecond).toEpochMilli();
            for (ValidatedRecord record : records) {
                // One record at a time, so that the order per key is the order of the list.
                producer.send(new ProducerRecord<>(Topics.TITLES_VALIDATED, null, timestamp, record.key(), record)).get();
                timestamp += 1000;
            }
        }
    }

    private static void produceTombstone(String showId, int second) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ValidatedRecord> producer =
                new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>())) {
            long timestamp = Instant.parse("2026-11-25T10:15:31Z").plusSeconds(second).toEpochMilli();
            producer.send(new ProducerRecord<>(Topics.TITLES_VALIDATED, null, timestamp, showId, (ValidatedRecord) null)).get();
        }
    }

    /** Reads the compacted view (latest value per key) of {@code topic} until {@code done} holds. */
    private static <V> Map<String, V> readUntil(String topic, Deserializer<V> values, Predicate<Map<String, V>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "curation-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, V> table = new HashMap<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            while (!done.test(table) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    table.put(record.key(), record.value());
                }
            }
        }
        assertThat(done.test(table)).as("expected state of %s within %s, got %s", topic, DEADLINE, table).isTrue();
        return table;
    }

    private static Set<String> internalTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get();
        }
    }
}
