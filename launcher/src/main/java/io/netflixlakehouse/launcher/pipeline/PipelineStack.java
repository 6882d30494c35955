package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.kafka.KafkaBroker;
import io.netflixlakehouse.launcher.kafka.TopicSetup;
import io.netflixlakehouse.launcher.process.FreePorts;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * The running pipeline: a Kafka broker with every topic, and the four services as processes. {@link #close()}
 * stops the services first and the broker last; it is safe to call twice (and from a shutdown hook).
 */
public final class PipelineStack implements AutoCloseable {

    /**
     * @param home the repository root
     * @param brokerLib the broker's classpath folder
     * @param run the run folders
     * @param startTimeout how long the broker, and then each service, may take to be ready
     */
    public record Settings(Path home, Path brokerLib, RunLayout run, Duration startTimeout) {

        public static Settings forHome(Path home, RunLayout run, Duration startTimeout) {
            return new Settings(home, ServiceCatalog.brokerLib(home), run, startTimeout);
        }
    }

    private final Settings settings;
    private final Progress progress;
    private final KafkaBroker broker;
    private final Admin admin;
    private final List<ServiceSpec> specs;
    private final Map<String, ManagedProcess> running = Collections.synchronizedMap(new LinkedHashMap<>());
    private boolean closed;

    private PipelineStack(Settings settings, Progress progress, KafkaBroker broker, List<ServiceSpec> specs) {
        this.settings = settings;
        this.progress = progress;
        this.broker = broker;
        this.admin = broker.admin();
        this.specs = specs;
    }

    /** Starts the broker, creates the topics and starts every service; stops what it started if a step fails. */
    public static PipelineStack start(Settings settings, Progress progress)
            throws InterruptedException, TimeoutException {
        Map<String, Path> missing = ServiceCatalog.missingArtifacts(settings.home());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                    + " -- run `mvn -B -DskipTests package` in " + settings.home());
        }
        progress.info("kafka", "formatting storage and starting the broker");
        KafkaBroker broker = KafkaBroker.start(settings.brokerLib(), settings.run().kafka(), settings.run().logs(),
                settings.startTimeout());
        PipelineStack stack = null;
        try {
            List<Integer> ports = FreePorts.distinct(ServiceCatalog.HTTP_SERVICES.size());
            Map<String, Integer> httpPorts = new HashMap<>();
            for (int i = 0; i < ports.size(); i++) {
                httpPorts.put(ServiceCatalog.HTTP_SERVICES.get(i), ports.get(i));
            }
            List<ServiceSpec> specs = ServiceCatalog.services(new ServiceCatalog.Context(
                    settings.home(), broker.bootstrapServers(), settings.run(), httpPorts));
            stack = new PipelineStack(settings, progress, broker, specs);
            progress.info("kafka", "broker ready on " + broker.bootstrapServers() + "; creating topics");
            TopicSetup.createAll(stack.admin);
            stack.startServices();
            return stack;
        } catch (RuntimeException | InterruptedException | TimeoutException e) {
            if (stack != null) {
                stack.close();
            } else {
                broker.close();
            }
            throw e;
        }
    }

    /** Starts every service (upstream first) and waits for the HTTP ones to report ready. */
    public void startServices() throws InterruptedException, TimeoutException {
        for (ServiceSpec spec : specs) {
            if (running.containsKey(spec.name()) && running.get(spec.name()).isAlive()) {
                continue;
            }
            progress.info("start", spec.name() + (spec.httpPort().isPresent()
                    ? " on http://127.0.0.1:" + spec.httpPort().getAsInt() : "")
                    + " (log: " + settings.run().log(spec.name()) + ")");
            running.put(spec.name(), ManagedProcess.start(spec.name(), spec.command(), spec.env(),
                    settings.run().root(), settings.run().log(spec.name())));
        }
        Instant deadline = Instant.now().plus(settings.startTimeout());
        for (ServiceSpec spec : specs) {
            Optional<URI> readiness = spec.readinessUrl();
            if (readiness.isPresent()) {
                running.get(spec.name()).awaitHttpOk(readiness.get(), deadline);
                progress.info("ready", spec.name());
            }
        }
        checkAlive();
    }

    /** Stops every service, all at once: SIGTERM, then a kill after the grace period. The broker keeps running. */
    public void stopServices() {
        List<ManagedProcess> processes;
        synchronized (running) {
            processes = new ArrayList<>(running.values());
            running.clear();
        }
        Collections.reverse(processes);
        CompletableFuture.allOf(processes.stream()
                .map(p -> CompletableFuture.runAsync(p::close))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Throws {@link io.netflixlakehouse.launcher.process.ProcessExitedException} when a process has ended. */
    public void checkAlive() {
        broker.process().requireAlive();
        List<ManagedProcess> processes;
        synchronized (running) {
            processes = new ArrayList<>(running.values());
        }
        processes.forEach(ManagedProcess::requireAlive);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The stack's Admin client (closed with the stack). */
    public Admin admin() {
        return admin;
    }

    public RunLayout run() {
        return settings.run();
    }

    public Settings settings() {
        return settings;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public List<ServiceSpec> services() {
        return specs;
    }

    public List<GroupInputs> consumerGroups() {
        return ServiceCatalog.consumerGroups(specs);
    }

    /** The running process of a service, if any. */
    public Optional<ManagedProcess> process(String service) {
        return Optional.ofNullable(running.get(service));
    }

    /** Every process the stack started and that still runs (services, broker, their children). */
    public List<ProcessHandle> liveHandles() {
        List<ProcessHandle> handles = new ArrayList<>();
        synchronized (running) {
            running.values().forEach(p -> handles.addAll(p.liveHandles()));
        }
        handles.addAll(broker.process().liveHandles());
        return handles;
    }

    /** The last lines of every service log and the broker's. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (ServiceSpec spec : specs) {
            Path log = settings.run().log(spec.name());
            out.append("---- ").append(log).append('\n').append(ManagedProcess.tail(log, lines)).append('\n');
        }
        out.append("---- ").append(broker.process().logFile()).append('\n')
                .append(broker.process().tail(lines)).append('\n');
        return out.toString();
    }

    /** True once {@link #close()} has begun: processes ending after that are expected. */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopServices();
        } finally {
            try {
                admin.close(Duration.ofSeconds(5));
            } finally {
                broker.close();
            }
        }
    }
}
