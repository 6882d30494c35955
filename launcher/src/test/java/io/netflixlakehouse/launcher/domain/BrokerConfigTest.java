package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    private final BrokerConfig config = new BrokerConfig(39092, 39093, Path.of("/runs/r1/kafka/data"));

    @Test
    void shouldDescribeASingleNodeKraftClusterOnLoopback() throws Exception {
        Properties props = load(config.toPropertiesText());

        assertThat(props.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(props.getProperty("node.id")).isEqualTo("1");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:39093");
        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:39092,CONTROLLER://127.0.0.1:39093");
        assertThat(props.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(props.getProperty("log.dirs")).isEqualTo("/runs/r1/kafka/data");
    }

    @Test
    void shouldUseReplicationFactorOneAndNeverAutoCreateTopics() throws Exception {
        Properties props = load(config.toPropertiesText());

        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(props.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(props.stringPropertyNames())
                .filteredOn(key -> key.endsWith("replication.factor"))
                .allSatisfy(key -> assertThat(props.getProperty(key)).isEqualTo("1"));
    }

    @Test
    void shouldGiveTheBootstrapAddressOfThePlaintextListener() {
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:39092");
    }

    @Test
    void shouldRejectTheSamePortForBothListeners() {
        assertThatThrownBy(() -> new BrokerConfig(39092, 39092, Path.of("/tmp/k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must differ");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
        assertThatThrownBy(() -> new BrokerConfig(0, 39093, Path.of("/tmp/k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brokerPort");
    }

    private static Properties load(String text) throws Exception {
        Properties props = new Properties();
        props.load(new StringReader(text));
        return props;
    }
}
