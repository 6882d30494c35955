package io.netflixlakehouse.deployment;

import static io.netflixlakehouse.deployment.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {

    private static final Path K8S = Manifests.home().resolve("k8s");
    private static final Set<String> QUARKUS_SERVICES = Set.of("ingest-service", "quality-service", "curation-streams");

    private final List<Map<String, Object>> objects = loadAll();

    @Test
    void shouldListOnlyFilesThatExistInTheKustomization() {
        List<String> resources = at(Manifests.yamlFile(K8S.resolve("kustomization.yaml")), "resources");
        assertThat(resources).isNotEmpty().allSatisfy(resource -> assertThat(K8S.resolve(resource)).exists());
    }

    @Test
    void shouldGiveEveryObjectAKindANameAndAnApiVersion() {
        assertThat(objects).allSatisfy(object -> {
            assertThat(object).containsKeys("apiVersion", "kind");
            assertThat((String) at(object, "metadata", "name")).isNotBlank();
        });
    }

    @Test
    void shouldDeployEveryServiceWithMatchingLabelsResourcesAndTheKafkaConfig() {
        Set<String> configMaps = names("ConfigMap");
        List<Map<String, Object>> deployments = ofKind("Deployment");
        assertThat(deployments).extracting(d -> (String) at(d, "metadata", "name"))
                .containsExactlyInAnyOrder("ingest-service", "quality-service", "curation-streams", "lake-writer");

        for (Map<String, Object> deployment : deployments) {
            String name = at(deployment, "metadata", "name");
            Map<String, Object> selector = at(deployment, "spec", "selector", "matchLabels");
            Map<String, Object> labels = at(deployment, "spec", "template", "metadata", "labels");
            assertThat(labels).as(name).containsAllEntriesOf(selector);

            Map<String, Object> container = onlyContainer(deployment);
            assertThat((Object) at(container, "resources", "requests", "memory")).as(name).isNotNull();
            assertThat((Object) at(container, "resources", "limits", "memory")).as(name).isNotNull();
            List<Map<String, Object>> envFrom = at(container, "envFrom");
            assertThat(envFrom).as(name).anySatisfy(source ->
                    assertThat(configMaps).contains((String) at(source, "configMapRef", "name")));
        }
    }

    @Test
    void shouldProbeTheQuarkusServicesOnTheirHealthEndpoints() {
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            String name = at(deployment, "metadata", "name");
            if (QUARKUS_SERVICES.contains(name)) {
                Map<String, Object> container = onlyContainer(deployment);
                assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
                assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            }
        }
    }

    @Test
    void shouldNeverRunMoreReplicasThanTheTopicsHavePartitions() {
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            int replicas = at(deployment, "spec", "replicas");
            assertThat(replicas).as((String) at(deployment, "metadata", "name")).isBetween(1, Topics.DEFAULT_PARTITIONS);
        }
        for (Map<String, Object> autoscaler : ofKind("HorizontalPodAutoscaler")) {
            int max = at(autoscaler, "spec", "maxReplicas");
            assertThat(max).isLessThanOrEqualTo(Topics.DEFAULT_PARTITIONS);
            assertThat(names("Deployment")).contains((String) at(autoscaler, "spec", "scaleTargetRef", "name"));
        }
    }

    @Test
    void shouldRunASingleLakeWriterThatNeverOverlapsItself() {
        Map<String, Object> lakeWriter = ofKind("Deployment").stream()
                .filter(d -> "lake-writer".equals(at(d, "metadata", "name"))).findFirst().orElseThrow();
        assertThat((Integer) at(lakeWriter, "spec", "replicas")).isEqualTo(1);
        assertThat((String) at(lakeWriter, "spec", "strategy", "type")).isEqualTo("Recreate");
    }

    @Test
    void shouldClaimEveryVolumeThatAPodMounts() {
        Set<String> claims = names("PersistentVolumeClaim");
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, Object> spec = at(deployment, "spec", "template", "spec");
            List<Map<String, Object>> volumes = (List<Map<String, Object>>) spec.getOrDefault("volumes", List.of());
            for (Map<String, Object> volume : volumes) {
                if (volume.containsKey("persistentVolumeClaim")) {
                    assertThat(claims).contains((String) at(volume, "persistentVolumeClaim", "claimName"));
                }
            }
        }
    }

    @Test
    void shouldCreateExactlyTheContractTopicsInTheTopicsJob() {
        Map<String, Object> job = ofKind("Job").get(0);
        Map<String, Object> container = ((List<Map<String, Object>>) at(job, "spec", "template", "spec", "containers")).get(0);
        String script = String.join("\n", (List<String>) at(container, "args"));
        Map<String, String> created = Manifests.createdTopics(script);

        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        Topics.COMPACTED.forEach(topic -> assertThat(created.get(topic)).contains("cleanup.policy=compact"));
    }

    private Map<String, Object> onlyContainer(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private Set<String> names(String kind) {
        return ofKind(kind).stream().map(o -> (String) at(o, "metadata", "name")).collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> loadAll() {
        List<String> resources = at(Manifests.yamlFile(K8S.resolve("kustomization.yaml")), "resources");
        List<Map<String, Object>> all = new ArrayList<>();
        for (String resource : resources) {
            all.addAll(Manifests.yamlDocuments(K8S.resolve(resource)));
        }
        return all;
    }
}
