package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.launcher.domain.GroupInputs;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to run one service as a process.
 *
 * @param name the service (also its log file name)
 * @param artifact the built file it needs (a missing one means "run mvn package")
 * @param command the command line
 * @param env environment variables added to the launcher's
 * @param httpPort its HTTP port, when it has a readiness endpoint
 * @param consumes the consumer group it commits to and that group's inputs
 */
public record ServiceSpec(
        String name,
        Path artifact,
        List<String> command,
        Map<String, String> env,
        OptionalInt httpPort,
        GroupInputs consumes) {

    public static final String READINESS_PATH = "/q/health/ready";

    public ServiceSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    public Optional<URI> readinessUrl() {
        return httpPort.isPresent()
                ? Optional.of(URI.create("http://127.0.0.1:" + httpPort.getAsInt() + READINESS_PATH))
                : Optional.empty();
    }
}
