package io.netflixlakehouse.launcher.it;

import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the integration tests find the repository and the broker's classpath (set by failsafe). */
final class TestHome {

    private TestHome() {
    }

    /** The repository root: {@code -Dlakehouse.home}, else the parent of this module's folder. */
    static Path home() {
        String configured = System.getProperty("lakehouse.home");
        Path home = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        home = home.toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("launcher").resolve("pom.xml"))) {
            throw new IllegalStateException("not the repository root: " + home + " (set -Dlakehouse.home)");
        }
        return home;
    }

    /** The broker's classpath: {@code -Dkafka.broker.lib}, else {@code launcher/target/kafka-broker/lib}. */
    static Path brokerLib() {
        String configured = System.getProperty("kafka.broker.lib");
        Path lib = configured != null && !configured.isBlank() ? Path.of(configured) : ServiceCatalog.brokerLib(home());
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no Kafka broker classpath at " + lib
                    + ": run `mvn -B -pl launcher package` (the package phase copies it)");
        }
        return lib;
    }
}
