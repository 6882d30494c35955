package io.netflixlakehouse.quality.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.contracts.serde.ContractSerdes;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import io.netflixlakehouse.quality.GoldenTitle;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service on a real broker, exactly as it runs: transactional batches, every action, the quality event log,
 * metrics, a {@code fail} rule stopping one dataset only, and re-drive run twice.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL base;

    @Test
    @Order(1)
    void shouldRouteEveryActionAndReconcileEachFileInTheEventLog() throws Exception {
        String url = "http://landing/titles-" + UUID.randomUUID() + ".csv";
        List<RawRecord> titles = List.of(
                title("r1", url, 1, Map.of()),
                title("r2", url, 2, Map.of("rating", "74 min")),
                title("r3", url, 3, Map.of("description", "")),
                title("r4", url, 4, Map.of("date_added", "")));
        String castUrl = "http://landing/cast-" + UUID.randomUUID() + ".csv";
        List<RawRecord> lookups = List.of(
                raw("r5", "cast", castUrl, 1, Map.of("cast", "Alan Marriott", "show_id", "81145628")),
                raw("r6", "cast", castUrl, 2, Map.of("cast", "Alan Marriott", "show_id", "s1")),
                raw("r7", "genres", castUrl, 3, Map.of("genre", "Drama", "show_id", "81145628")));
        produce(Topics.TITLES_RAW, titles);
        produce(Topics.LOOKUPS_RAW, lookups);

        List<ValidatedRecord> validated = read(Topics.TITLES_VALIDATED, ContractSerdes.validatedRecord().deserializer(),
                v -> url.equals(v.lineage().sourceUrl()), 2);
        List<QuarantineRecord> quarantined = read(Topics.TITLES_QUARANTINE, ContractSerdes.quarantineRecord().deserializer(),
                q -> url.equals(q.lineage().sourceUrl()), 2);
        assertThat(validated).extracting(ValidatedRecord::id, ValidatedRecord::warnings)
                .containsExactlyInAnyOrder(tuple("r1", List.of()), tuple("r4", List.of("date_added_present")));
        assertThat(quarantined).extracting(QuarantineRecord::id).containsExactlyInAnyOrder("r2", "r3");
        assertThat(quarantined).filteredOn(q -> q.id().equals("r3")).singleElement()
                .satisfies(q -> assertThat(q.failures()).extracting(QuarantineRecord.RuleFailure::action).containsExactly("drop"));

        assertThat(read(Topics.LOOKUPS_VALIDATED, ContractSerdes.validatedRecord().deserializer(),
                v -> castUrl.equals(v.lineage().sourceUrl()), 1)).extracting(ValidatedRecord::id).containsExactly("r5");
        List<QuarantineRecord> lookupQuarantine = read(Topics.LOOKUPS_QUARANTINE, ContractSerdes.quarantineRecord().deserializer(),
                q -> castUrl.equals(q.lineage().sourceUrl()), 2);
        assertThat(lookupQuarantine).extracting(QuarantineRecord::id, q -> q.failures().get(0).rule())
                .containsExactlyInAnyOrder(tuple("r6", "valid_show_id"), tuple("r7", "unknown_dataset"));

        List<QualityEvent> events = read(Topics.QUALITY_EVENTS, ContractSerdes.json(QualityEvent.class).deserializer(),
                e -> url.equals(e.sourceUrl()), 1);
        long received = events.stream().mapToLong(QualityEvent::received).sum();
        assertThat(received).isEqualTo(4);
        assertThat(events.stream().mapToLong(QualityEvent::validated).sum()).isEqualTo(2);
        assertThat(events.stream().mapToLong(QualityEvent::quarantined).sum()).isEqualTo(1);
        assertThat(events.stream().mapToLong(QualityEvent::dropped).sum()).isEqualTo(1);
        assertThat(events).allSatisfy(e -> assertThat(e.ruleSetVersion()).isEqualTo("titles-v2"));

        String metrics = get("q/metrics").body();
        assertThat(metrics).contains("lakehouse_quality_rule_evaluations_total{dataset=\"titles\",outcome=\"failed\",rule=\"rating_is_not_a_duration\"}");
        assertThat(metrics).contains("lakehouse_quality_records_routed_total{dataset=\"titles\",routing=\"dropped\"}");
        assertThat(metrics).contains("lakehouse_quality_records_routed_total{dataset=\"genres\",routing=\"quarantined\"} 1.0");
    }

    @Test
    @Order(2)
    void shouldReleaseOnRedriveWhatTheCurrentRulesPassExactlyOnce() throws Exception {
        String url = "http://landing/old-" + UUID.randomUUID() + ".csv";
        // Quarantined earlier by a stricter rule set (titles-v1 had a rule since removed), and one real fault.
        List<QuarantineRecord> old = List.of(
                quarantined(title("q1", url, 1, Map.of()), "too_strict"),
                quarantined(title("q2", url, 2, Map.of()), "too_strict"),
                quarantined(title("q3", url, 3, Map.of("rating", "66 min")), "rating_is_not_a_duration"));
        produce(Topics.TITLES_QUARANTINE, old);

        HttpResponse<String> first = post("quality/redrive?dataset=titles");
        HttpResponse<String> second = post("quality/redrive?dataset=titles");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"released\":2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"released\":0");
        List<ValidatedRecord> released = read(Topics.TITLES_VALIDATED, ContractSerdes.validatedRecord().deserializer(),
                v -> url.equals(v.lineage().sourceUrl()), 2);
        assertThat(released).extracting(ValidatedRecord::id).containsExactlyInAnyOrder("q1", "q2");
        assertThat(released).allSatisfy(v -> assertThat(v.ruleSetVersion()).isEqualTo("titles-v2"));
        List<QualityEvent> releases = read(Topics.QUALITY_EVENTS, ContractSerdes.json(QualityEvent.class).deserializer(),
                e -> url.equals(e.sourceUrl()), 1);
        assertThat(releases).flatExtracting(QualityEvent::releasedRecordIds).containsExactlyInAnyOrder("q1", "q2");
        assertThat(post("quality/redrive?dataset=movies").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void shouldStopOnlyTheFailingDatasetMarkItsFileFailedAndGoNotReady() throws Exception {
        String url = "http://landing/seed-" + UUID.randomUUID() + ".csv";
        produce(Topics.TITLES_RAW, List.of(
                raw("f1", "seed_titles", url, 1, seed("81145628", "2019")),
                raw("f2", "seed_titles", url, 2, seed("80117401", "2099")),
                raw("f3", "seed_titles", url, 3, seed("80125979", "2018"))));
        List<QualityEvent> failed = read(Topics.QUALITY_EVENTS, ContractSerdes.json(QualityEvent.class).deserializer(),
                e -> url.equals(e.sourceUrl()) && e.kind() == QualityEvent.Kind.FILE_FAILED, 1);
        assertThat(failed.get(0).failure().rule()).isEqualTo("no_future_titles");
        assertThat(failed.get(0).failure().recordId()).isEqualTo("f2");
        assertThat(failed.get(0).failure().lineNumber()).isEqualTo(3);
        List<QuarantineRecord> held = read(Topics.TITLES_QUARANTINE, ContractSerdes.quarantineRecord().deserializer(),
                q -> url.equals(q.lineage() == null ? null : q.lineage().sourceUrl()), 2);
        assertThat(held).extracting(QuarantineRecord::id).containsExactlyInAnyOrder("f2", "f3");

        // A later seed_titles record is held back; titles still flow.
        String later = "http://landing/later-" + UUID.randomUUID() + ".csv";
        produce(Topics.TITLES_RAW, List.of(raw("f4", "seed_titles", later, 1, seed("81145629", "2019")),
                title("f5", later, 2, Map.of())));
        assertThat(read(Topics.TITLES_VALIDATED, ContractSerdes.validatedRecord().deserializer(),
                v -> later.equals(v.lineage().sourceUrl()), 1)).extracting(ValidatedRecord::id).containsExactly("f5");
        assertThat(read(Topics.TITLES_QUARANTINE, ContractSerdes.quarantineRecord().deserializer(),
                q -> later.equals(q.lineage().sourceUrl()), 1)).extracting(q -> q.failures().get(0).rule())
                .containsExactly("dataset_stopped");

        HttpResponse<String> ready = get("q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("seed_titles").contains("LAKEHOUSE-QUALITY-001");
        assertThat(get("q/metrics").body()).contains(
                "lakehouse_quality_alerts_total{code=\"LAKEHOUSE-QUALITY-001\",dataset=\"seed_titles\"} 1.0");
    }

    private static Map<String, String> seed(String showId, String year) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("duration_minutes", "90");
        fields.put("duration_seasons", null);
        fields.put("type", "Movie");
        fields.put("title", "Norm of the North");
        fields.put("date_added", "9/9/2019");
        fields.put("release_year", year);
        fields.put("rating", "TV-PG");
        fields.put("description", "A polar bear.");
        fields.put("show_id", showId);
        return fields;
    }

    private static RawRecord title(String id, String url, long n, Map<String, String> changes) {
        Map<String, String> fields = GoldenTitle.fields();
        fields.put("show_id", id);
        changes.forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v));
        return raw(id, "titles", url, n, fields);
    }

    private static RawRecord raw(String id, String dataset, String url, long n, Map<String, String> fields) {
        Lineage lineage = new Lineage(url, "0x1", n, n + 1, "evt", Instant.now(), Instant.now());
        return new RawRecord(1, id, Instant.now(), dataset, fields.get("show_id"), fields, lineage);
    }

    private static QuarantineRecord quarantined(RawRecord raw, String rule) {
        return new QuarantineRecord(1, raw.id(), Instant.now(), raw.dataset(), raw.key(), raw.fields(), raw.lineage(),
                "titles-v1", List.of(new QuarantineRecord.RuleFailure(rule, "FALSE", "quarantine", Map.of())));
    }

    private <T> void produce(String topic, List<T> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>())) {
            for (T record : records) {
                String key = record instanceof RawRecord r ? r.key() : ((QuarantineRecord) record).key();
                producer.send(new ProducerRecord<>(topic, key, record)).get();
            }
        }
    }

    /** Reads the topic with read_committed until {@code expected} matching records are seen, then a moment more. */
    private <T> List<T> read(String topic, Deserializer<T> deserializer, Predicate<T> matching, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<T> found = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            int quietPolls = 0;
            while (Instant.now().isBefore(deadline) && (found.size() < expected || quietPolls < 2)) {
                int before = found.size();
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && matching.test(record.value())) {
                        found.add(record.value());
                    }
                }
                quietPolls = found.size() >= expected && found.size() == before ? quietPolls + 1 : 0;
            }
        }
        return found;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
