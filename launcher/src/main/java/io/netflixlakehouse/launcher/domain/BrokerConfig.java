package io.netflixlakehouse.launcher.domain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server.properties of a single-node KRaft cluster (broker and controller in one process) on loopback.
 * Every replication factor is 1 and topics are never auto-created: the launcher creates them.
 *
 * @param brokerPort the PLAINTEXT listener clients connect to
 * @param controllerPort the CONTROLLER listener of the quorum
 * @param logDir where the broker keeps its partitions and metadata log
 */
public record BrokerConfig(int brokerPort, int controllerPort, Path logDir) {

    public static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";

    public BrokerConfig {
        requirePort(brokerPort, "brokerPort");
        requirePort(controllerPort, "controllerPort");
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("brokerPort and controllerPort must differ: " + brokerPort);
        }
        logDir = logDir.toAbsolutePath().normalize();
    }

    /** What clients pass as bootstrap.servers. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** The properties, in file order. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /** The file text: one {@code key=value} per line. */
    public String toPropertiesText() {
        return "# Single-node KRaft cluster written by the lakehouse launcher\n"
                + properties().entrySet().stream()
                        .map(e -> e.getKey() + "=" + escape(e.getValue()))
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String escape(String value) {
        // java.util.Properties treats a backslash as an escape (Windows paths) and ':' '=' need no escaping in values.
        return value.replace("\\", "\\\\");
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }
}
