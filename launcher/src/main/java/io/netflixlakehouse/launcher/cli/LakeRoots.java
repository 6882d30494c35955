package io.netflixlakehouse.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the lake of the newest demo run, for commands given no {@code --lake-root}. */
final class LakeRoots {

    private LakeRoots() {
    }

    static Path resolve(Path given, Path home) {
        if (given != null) {
            return given.toAbsolutePath().normalize();
        }
        return newest(home.resolve(".lakehouse").resolve("runs")).orElseThrow(() -> new IllegalArgumentException(
                "no --lake-root given and no run under " + home.resolve(".lakehouse/runs")));
    }

    static Optional<Path> newest(Path runs) {
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.map(run -> run.resolve("lake"))
                    .filter(Files::isDirectory)
                    .max(Comparator.comparing(lake -> lake.getParent().getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
