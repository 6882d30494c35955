package io.netflixlakehouse.launcher.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Puts a file into the landing folder the way blob storage makes a blob appear: all at once. The bytes go to a
 * hidden temporary name in the same folder, then one atomic rename gives the file its name.
 */
public final class LandingDrop {

    private LandingDrop() {
    }

    /** @return the landed file */
    public static Path drop(Path source, Path landingDir) {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no such file: " + source.toAbsolutePath());
        }
        Path target = landingDir.toAbsolutePath().normalize().resolve(source.getFileName().toString());
        Path temp = target.resolveSibling("." + source.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(landingDir);
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            throw new UncheckedIOException("cannot drop " + source + " into " + landingDir, e);
        }
    }
}
