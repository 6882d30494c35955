package io.netflixlakehouse.lakewriter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary lake root for one bench run, deleted with everything in it on close. */
final class ScratchLake implements AutoCloseable {

    private final Path root;

    ScratchLake(String prefix) throws IOException {
        this.root = Files.createTempDirectory(prefix);
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch lake " + root, e);
        }
    }
}
