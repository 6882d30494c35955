package io.netflixlakehouse.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

/** The {@code eventhubs} profile of application.properties, resolved as Quarkus would, down to Kafka's JAAS parsing. */
class EventHubsProfileTest {

    private static final String CHANNEL = "mp.messaging.incoming.blob-events.";
    private static final String SECRET = "Endpoint=sb://lakehouse-ns.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=abc123=";

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        URL properties = EventHubsProfileTest.class.getClassLoader().getResource("application.properties");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new MapBackedConfigSource("environment", environment, 300) {
                });
        if (profile != null) {
            builder.withProfile(profile);
        }
        return builder.build();
    }

    private static Map<String, Object> channel(SmallRyeConfig config) {
        Map<String, Object> kafka = new HashMap<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(CHANNEL))
                .forEach(name -> kafka.put(name.substring(CHANNEL.length()), config.getRawValue(name)));
        return kafka;
    }

    @Test
    void shouldResolveToEventHubsKafkaEndpointWithTheSecretFromTheEnvironment() throws IOException {
        SmallRyeConfig config = config("eventhubs", Map.of("EVENTHUBS_NAMESPACE", "lakehouse-ns",
                "EVENTHUBS_CONNECTION_STRING", SECRET));

        Map<String, Object> kafka = channel(config);

        assertThat(kafka).containsEntry("bootstrap.servers", "lakehouse-ns.servicebus.windows.net:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("topic", "netflix.blob.events.v1")
                .containsEntry("group.id", "lakehouse-ingest");
        JaasContext jaas = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG,
                new org.apache.kafka.common.config.types.Password((String) kafka.get("sasl.jaas.config"))));
        AppConfigurationEntry entry = jaas.configurationEntries().get(0);
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
        assertThat(entry.getOptions().get("username")).isEqualTo("$ConnectionString");
        assertThat(entry.getOptions().get("password")).isEqualTo(SECRET);
        kafka.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, kafka.get("key.deserializer"));
        kafka.keySet().retainAll(ConsumerConfig.configNames());
        assertThat(new ConsumerConfig(kafka).getString(org.apache.kafka.clients.CommonClientConfigs.SECURITY_PROTOCOL_CONFIG))
                .isEqualTo("SASL_SSL");
    }

    @Test
    void shouldRefuseToStartWithoutTheSecretAndLeaveTheDefaultProfilePlain() throws IOException {
        SmallRyeConfig withoutSecret = config("eventhubs", Map.of("EVENTHUBS_NAMESPACE", "lakehouse-ns"));
        SmallRyeConfig plain = config(null, Map.of("EVENTHUBS_CONNECTION_STRING", SECRET));

        assertThatThrownBy(() -> withoutSecret.getValue(CHANNEL + "sasl.jaas.config", String.class))
                .hasMessageContaining("EVENTHUBS_CONNECTION_STRING");
        assertThat(channel(plain)).doesNotContainKeys("security.protocol", "sasl.jaas.config", "bootstrap.servers");
    }
}
