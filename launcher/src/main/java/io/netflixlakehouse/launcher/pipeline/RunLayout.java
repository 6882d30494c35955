package io.netflixlakehouse.launcher.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folders of one run: {@code logs/} (one file per process), {@code kafka/} (config and data), {@code landing/}
 * (the watched folder), {@code lake/} (Delta tables) and {@code state/} (service state).
 *
 * @param root the run folder
 */
public record RunLayout(Path root) {

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    public RunLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** Creates a fresh {@code <workDir>/runs/<timestamp>} with every sub-folder. */
    public static RunLayout createUnder(Path workDir) {
        Path runs = workDir.toAbsolutePath().normalize().resolve("runs");
        Path root = runs.resolve(LocalDateTime.now().format(RUN_NAME));
        for (int i = 1; Files.exists(root); i++) {
            root = runs.resolve(LocalDateTime.now().format(RUN_NAME) + "-" + i);
        }
        return createAt(root);
    }

    /** Uses {@code root} as the run folder, creating the sub-folders. */
    public static RunLayout createAt(Path root) {
        RunLayout layout = new RunLayout(root);
        try {
            for (Path dir : new Path[] {layout.logs(), layout.kafka(), layout.landing(), layout.lake(), layout.state()}) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + root, e);
        }
        return layout;
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String process) {
        return logs().resolve(process + ".log");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path landing() {
        return root.resolve("landing");
    }

    public Path lake() {
        return root.resolve("lake");
    }

    public Path state() {
        return root.resolve("state");
    }

    public Path state(String service) {
        return state().resolve(service);
    }
}
