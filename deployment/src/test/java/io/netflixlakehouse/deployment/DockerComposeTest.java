package io.netflixlakehouse.deployment;

import static io.netflixlakehouse.deployment.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.contentOf;

import io.netflixlakehouse.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerComposeTest {

    private static final List<String> APP_SERVICES = List.of("ingest-service", "quality-service", "curation-streams", "lake-writer");

    private final Map<String, Object> compose = Manifests.yamlFile(Manifests.home().resolve("docker-compose.yml"));

    @Test
    void shouldDefineTheBrokerTheTopicJobAndTheFourServices() {
        Map<String, Object> services = at(compose, "services");
        assertThat(services).containsKeys("kafka", "kafka-init");
        assertThat(services).containsKeys(APP_SERVICES.toArray(String[]::new));
        assertThat((String) at(compose, "services", "kafka", "image")).isEqualTo("apache/kafka:4.1.2");
    }

    @Test
    void shouldCreateExactlyTheContractTopicsWithAtLeastThreePartitions() {
        List<String> command = at(compose, "services", "kafka-init", "command");
        String script = String.join("\n", command);
        Map<String, String> created = Manifests.createdTopics(script);

        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(script).contains("--partitions " + Topics.DEFAULT_PARTITIONS);
        Topics.COMPACTED.forEach(topic -> assertThat(created.get(topic)).contains("cleanup.policy=compact"));
    }

    @Test
    void shouldStartEveryServiceAfterTheTopicsExistAndPointItAtTheBroker() {
        for (String service : APP_SERVICES) {
            assertThat((String) at(compose, "services", service, "depends_on", "kafka-init", "condition"))
                    .as(service).isEqualTo("service_completed_successfully");
            Map<String, Object> environment = at(compose, "services", service, "environment");
            assertThat(environment).as(service).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void shouldBuildEveryServiceFromADockerfileThatExists() {
        for (String service : APP_SERVICES) {
            String context = at(compose, "services", service, "build", "context");
            String dockerfile = at(compose, "services", service, "build", "dockerfile");
            Path file = Manifests.home().resolve(context).resolve(dockerfile).normalize();
            assertThat(file).as(service).exists();
            assertThat(Files.isRegularFile(file)).isTrue();
            String copied = service.equals("lake-writer") ? "bin/lake-writer" : "target/quarkus-app/";
            assertThat(contentOf(file.toFile())).as(service + " image copies the module's build output").contains(copied);
        }
    }

    @Test
    void shouldGiveTheIngestServiceItsLandingFolderAndTheLakeWriterItsLake() {
        Map<String, Object> ingestEnv = at(compose, "services", "ingest-service", "environment");
        List<String> ingestVolumes = at(compose, "services", "ingest-service", "volumes");
        assertThat(ingestVolumes).anyMatch(volume -> volume.endsWith(":" + ingestEnv.get("LAKEHOUSE_INGEST_LANDING_ROOT")));

        Map<String, Object> lakeEnv = at(compose, "services", "lake-writer", "environment");
        List<String> lakeVolumes = at(compose, "services", "lake-writer", "volumes");
        assertThat(lakeVolumes).anyMatch(volume -> volume.endsWith(":" + lakeEnv.get("LAKEHOUSE_LAKE_ROOT")));
    }
}
