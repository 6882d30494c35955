package io.netflixlakehouse.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.launcher.domain.GroupInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {

    @TempDir
    Path dir;

    private List<ServiceSpec> services() {
        RunLayout run = new RunLayout(dir.resolve("run"));
        return ServiceCatalog.services(new ServiceCatalog.Context(Path.of("/repo"), "127.0.0.1:40000", run,
                Map.of(ServiceCatalog.INGEST, 41001, ServiceCatalog.QUALITY, 41002, ServiceCatalog.CURATION, 41003)));
    }

    @Test
    void shouldListTheFourServicesUpstreamFirst() {
        assertThat(services()).extracting(ServiceSpec::name).containsExactlyElementsOf(ServiceCatalog.NAMES);
    }

    @Test
    void shouldRunQuarkusServicesFromTheirFastJarWithBrokerAndPort() {
        ServiceSpec quality = byName(ServiceCatalog.QUALITY);

        assertThat(quality.command()).endsWith("-Xmx256m", "-XX:+UseParallelGC", "-jar", "/repo/quality-service/target/quarkus-app/quarkus-run.jar");
        assertThat(quality.env()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:40000")
                .containsEntry("QUARKUS_HTTP_PORT", "41002");
        assertThat(quality.readinessUrl()).hasValueSatisfying(
                url -> assertThat(url).hasToString("http://127.0.0.1:41002/q/health/ready"));
    }

    @Test
    void shouldPointIngestAtTheRunsLandingAndStateFolders() {
        ServiceSpec ingest = byName(ServiceCatalog.INGEST);

        assertThat(ingest.env())
                .containsEntry("LAKEHOUSE_INGEST_LANDING_ROOT", dir.resolve("run/landing").toString())
                .containsEntry("LAKEHOUSE_INGEST_STATE_DIR", dir.resolve("run/state/ingest").toString());
    }

    @Test
    void shouldGiveKafkaStreamsAStateDirInTheRun() {
        ServiceSpec curation = byName(ServiceCatalog.CURATION);

        assertThat(curation.command()).contains("-Xmx384m");
        assertThat(curation.env())
                .containsEntry("KAFKA_STREAMS_STATE_DIR", dir.resolve("run/state/streams").toString());
        assertThat(curation.consumes().includeCommittedTopics()).isTrue();
    }

    @Test
    void shouldRunTheLakeWriterScriptWithBrokerAndLakeRoot() {
        ServiceSpec lakeWriter = byName(ServiceCatalog.LAKE_WRITER);

        assertThat(lakeWriter.command()).containsExactly("/repo/lake-writer/bin/lake-writer", "stream",
                "--bootstrap-servers", "127.0.0.1:40000", "--lake-root", dir.resolve("run/lake").toString());
        assertThat(lakeWriter.httpPort()).isEmpty();
    }

    @Test
    void shouldWaitForEveryGroupOnItsInputTopics() {
        List<GroupInputs> groups = ServiceCatalog.consumerGroups(services());

        assertThat(groups).extracting(GroupInputs::group).containsExactlyElementsOf(ServiceCatalog.groupIds());
        assertThat(groups.get(1).topics()).containsExactlyInAnyOrder(Topics.TITLES_RAW, Topics.LOOKUPS_RAW);
        assertThat(groups.get(3).topics()).containsExactlyInAnyOrder(Topics.TITLES_RAW, Topics.TITLES_QUARANTINE,
                Topics.TITLES_CURATED, Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, Topics.QUALITY_EVENTS);
        assertThat(groups).flatExtracting(GroupInputs::topics).allSatisfy(t -> assertThat(Topics.ALL).contains(t));
    }

    @Test
    void shouldNameEveryMissingArtifact() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(ServiceCatalog.quarkusRunJar(home, ServiceCatalog.INGEST).getParent());
        Files.writeString(ServiceCatalog.quarkusRunJar(home, ServiceCatalog.INGEST), "jar");

        assertThat(ServiceCatalog.missingArtifacts(home))
                .containsKeys(ServiceCatalog.QUALITY, ServiceCatalog.CURATION, ServiceCatalog.LAKE_WRITER)
                .doesNotContainKey(ServiceCatalog.INGEST);
    }

    private ServiceSpec byName(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
