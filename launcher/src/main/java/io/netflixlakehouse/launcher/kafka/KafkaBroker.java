package io.netflixlakehouse.launcher.kafka;

import io.netflixlakehouse.launcher.domain.BrokerConfig;
import io.netflixlakehouse.launcher.process.FreePorts;
import io.netflixlakehouse.launcher.process.Java;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one JVM) started from the jars in
 * {@code target/kafka-broker/lib}: storage formatted under its own folder, free ports, output to a log file.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Log4j2 configuration for the broker and its tools: console to stderr (the storage tool prints to stdout). */
    static final String LOG4J2_PROPERTIES = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDERR
            appender.console.target = SYSTEM_ERR
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = STDERR
            logger.state.name = state.change.logger
            logger.state.level = warn
            logger.server.name = kafka.server.KafkaRaftServer
            logger.server.level = info
            """;

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerConfig config;
    private final ManagedProcess process;

    private KafkaBroker(BrokerConfig config, ManagedProcess process) {
        this.config = config;
        this.process = process;
    }

    /**
     * Formats storage under {@code kafkaDir}, starts the broker and waits until it answers a cluster description.
     *
     * @param libDir the broker's classpath folder (kafka_2.13 and its runtime dependencies)
     * @param kafkaDir where server.properties, the log4j2 config and the data go
     * @param logDir where kafka.log and kafka-format.log go
     * @param readyTimeout how long to wait for the broker to answer
     */
    public static KafkaBroker start(Path libDir, Path kafkaDir, Path logDir, Duration readyTimeout)
            throws InterruptedException, TimeoutException {
        requireBrokerJars(libDir);
        List<Integer> ports = FreePorts.distinct(2);
        BrokerConfig config = new BrokerConfig(ports.get(0), ports.get(1), kafkaDir.resolve("data"));
        Path properties = kafkaDir.resolve("server.properties");
        Path log4j = kafkaDir.resolve("log4j2.properties");
        try {
            Files.createDirectories(kafkaDir);
            Files.writeString(properties, config.toPropertiesText());
            Files.writeString(log4j, LOG4J2_PROPERTIES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration under " + kafkaDir, e);
        }
        format(libDir, kafkaDir, logDir, properties, log4j);
        ManagedProcess process = ManagedProcess.start("kafka",
                ownSession(javaCommand(libDir, log4j, "-Xmx512m", "kafka.Kafka", properties.toString())),
                Map.of(), kafkaDir, logDir.resolve("kafka.log"));
        KafkaBroker broker = new KafkaBroker(config, process);
        try {
            broker.awaitReady(Instant.now().plus(readyTimeout));
            return broker;
        } catch (RuntimeException | InterruptedException | TimeoutException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public BrokerConfig config() {
        return config;
    }

    public ManagedProcess process() {
        return process;
    }

    /** A new Admin client for this broker; the caller closes it. */
    public Admin admin() {
        return admin(bootstrapServers());
    }

    public static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "lakehouse-launcher-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return Admin.create(props);
    }

    /** Stops the broker: SIGTERM (controlled shutdown), then a kill after the grace period. */
    @Override
    public void close() {
        process.stop(ManagedProcess.DEFAULT_GRACE);
    }

    private void awaitReady(Instant deadline) throws InterruptedException, TimeoutException {
        try (Admin admin = admin()) {
            while (true) {
                process.requireAlive();
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                            .get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // The listener is not up yet: poll again.
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("the Kafka broker did not answer on " + bootstrapServers()
                            + " before the deadline (log: " + process.logFile() + ")\n" + process.tail(40));
                }
                Thread.sleep(200);
            }
        }
    }

    private static void format(Path libDir, Path kafkaDir, Path logDir, Path properties, Path log4j)
            throws InterruptedException {
        // StorageTool random-uuid prints exactly this: a random base64 cluster id.
        String clusterId = Uuid.randomUuid().toString();
        ManagedProcess tool = ManagedProcess.start("kafka-storage-format",
                javaCommand(libDir, log4j, "-Xmx256m", "kafka.tools.StorageTool",
                        "format", "-t", clusterId, "-c", properties.toString()),
                Map.of(), kafkaDir, logDir.resolve("kafka-format.log"));
        try {
            int exit = tool.waitFor(FORMAT_TIMEOUT);
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed with exit code " + exit + "\n"
                        + tool.tail(30));
            }
        } catch (TimeoutException e) {
            tool.close();
            throw new IllegalStateException("formatting Kafka storage did not end within " + FORMAT_TIMEOUT, e);
        }
    }

    private static List<String> javaCommand(Path libDir, Path log4j, String heap, String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Java.executable().toString(),
                heap,
                Java.GC,
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                "-cp", libDir.toAbsolutePath() + "/*",
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the broker in a session of its own when {@code setsid} exists: Ctrl-C in the terminal then reaches the
     * launcher and the services but not the broker, which the launcher stops last.
     */
    private static List<String> ownSession(List<String> command) {
        Path setsid = Path.of("/usr/bin/setsid");
        if (!Files.isExecutable(setsid)) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>();
        wrapped.add(setsid.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    private static void requireBrokerJars(Path libDir) {
        try (var files = Files.list(libDir)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new IllegalStateException("no kafka_2.13 jar in " + libDir + ": run `mvn -B package` first");
            }
        } catch (IOException e) {
            throw new IllegalStateException("the Kafka broker classpath " + libDir
                    + " is missing: run `mvn -B -DskipTests package` from the repository root first", e);
        }
    }
}
