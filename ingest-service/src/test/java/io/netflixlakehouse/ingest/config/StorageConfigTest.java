package io.netflixlakehouse.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netflixlakehouse.ingest.domain.RetryPolicy;
import io.netflixlakehouse.ingest.storage.AzureAccounts;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** lakehouse.ingest.azure.* and lakehouse.ingest.storage.*: mapped as Quarkus maps them, checked with the key named. */
class StorageConfigTest {

    private static final String AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private static IngestConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(IngestConfig.class)
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new MapBackedConfigSource("test", new HashMap<>(values)) {
                })
                .build()
                .getConfigMapping(IngestConfig.class);
    }

    @Test
    void shouldBuildAStorePerAccountWithAConnectionString() {
        AzureAccounts accounts = new AzureAccounts(config(Map.of(
                "lakehouse.ingest.azure.primary.connection-string", AZURITE,
                "lakehouse.ingest.azure.primary.containers", "landing,seed",
                "lakehouse.ingest.azure.off.containers", "landing")));

        assertThat(accounts.stores()).containsOnlyKeys("primary");
        assertThat(accounts.stores().get("primary").urls().accountUrl()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(accounts.stores().get("primary").urls().containers()).containsExactly("landing", "seed");
    }

    @Test
    void shouldNameTheKeyOfAWrongValue() {
        assertThatThrownBy(() -> new AzureAccounts(config(Map.of(
                "lakehouse.ingest.azure.primary.connection-string", AZURITE,
                "lakehouse.ingest.azure.primary.containers", "Landing_Zone"))))
                .hasMessageStartingWith("lakehouse.ingest.azure.primary.containers");
        assertThatThrownBy(() -> new AzureAccounts(config(Map.of(
                "lakehouse.ingest.azure.primary.connection-string", "AccountName=only",
                "lakehouse.ingest.azure.primary.containers", "landing"))))
                .hasMessageStartingWith("lakehouse.ingest.azure.primary.connection-string is not valid");
        assertThatThrownBy(() -> IngestSetup.retryPolicy(config(Map.of("lakehouse.ingest.storage.max-attempts", "0"))))
                .hasMessageStartingWith("lakehouse.ingest.storage.max-attempts");
    }

    @Test
    void shouldDefaultToFiveAttemptsFromHalfASecondToTenSeconds() {
        RetryPolicy policy = IngestSetup.retryPolicy(config(Map.of()));

        assertThat(policy).isEqualTo(new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10)));
        assertThat(new AzureAccounts(config(Map.of())).stores()).isEmpty();
    }
}
