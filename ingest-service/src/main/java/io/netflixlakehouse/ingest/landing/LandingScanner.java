package io.netflixlakehouse.ingest.landing;

import io.netflixlakehouse.ingest.domain.BlobLister;
import io.netflixlakehouse.ingest.domain.FileStat;
import io.netflixlakehouse.ingest.domain.LandingRoot;
import io.netflixlakehouse.ingest.domain.StabilityTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lists the regular files under the landing root with their size and modification time, or looks at one
 * path. Hidden files, {@code *.tmp} and {@code *.part} are left out; symbolic links are not followed.
 */
public final class LandingScanner implements BlobLister {

    private final Path root;

    public LandingScanner(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** @throws IOException if the root cannot be listed */
    @Override
    public Map<String, FileStat> scan() throws IOException {
        return scan(root, folder -> { });
    }

    /**
     * The files under {@code folder} (the root or a folder inside it), by path relative to the root; every folder
     * met (not hidden) is handed to {@code onFolder} first.
     *
     * @throws IOException if the folder cannot be listed
     */
    public Map<String, FileStat> scan(Path folder, Consumer<Path> onFolder) throws IOException {
        Map<String, FileStat> files = new HashMap<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(root) && isHidden(relativePath(dir))) {
                    return FileVisitResult.SKIP_SUBTREE; // everything under a hidden folder is hidden
                }
                onFolder.accept(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = relativePath(file);
                if (attributes.isRegularFile() && !StabilityTracker.isIgnored(relative)) {
                    files.put(relative, new FileStat(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && !file.equals(root)) {
                    return FileVisitResult.CONTINUE; // deleted between listing and reading: gone
                }
                throw e;
            }
        });
        return files;
    }

    /**
     * What is seen of one path under the root: empty if it is gone, ignored, a folder or not a regular file.
     *
     * @throws IOException if it cannot be read
     */
    public Optional<FileStat> stat(String relativePath) throws IOException {
        if (relativePath.isEmpty() || StabilityTracker.isIgnored(relativePath)) {
            return Optional.empty();
        }
        try {
            return stat(root.resolve(relativePath));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isHidden(String relativePath) {
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The path of {@code path} relative to the root, {@code /} separators ("" for the root). */
    public String relativePath(Path path) {
        return LandingRoot.relativePath(root.relativize(path));
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
