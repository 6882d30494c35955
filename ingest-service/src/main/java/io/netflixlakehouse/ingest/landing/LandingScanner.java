package io.netflixlakehouse.ingest.landing;

import io.netflixlakehouse.ingest.domain.BlobLister;
import io.netflixlakehouse.ingest.domain.FileStat;
import io.netflixlakehouse.ingest.domain.LandingRoot;
import io.netflixlakehouse.ingest.domain.StabilityTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lists the regular files under the landing root with their size and modification time. Hidden
 * files, {@code *.tmp} and {@code *.part} are left out; symbolic links are not followed.
 */
public final class LandingScanner implements BlobLister {

    private final Path root;

    public LandingScanner(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @throws IOException if the root cannot be listed */
    @Override
    public Map<String, FileStat> scan() throws IOException {
        Map<String, FileStat> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                String relative = LandingRoot.relativePath(root.relativize(path));
                if (relative.isEmpty() || StabilityTracker.isIgnored(relative)) {
                    return;
                }
                stat(path).ifPresent(stat -> files.put(relative, stat));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    private static Optional<FileStat> stat(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new FileStat(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted between listing and reading: gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
