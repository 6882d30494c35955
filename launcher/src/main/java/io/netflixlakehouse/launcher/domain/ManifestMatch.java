package io.netflixlakehouse.launcher.domain;

import java.net.URI;
import java.nio.file.Path;

/** Whether a FileIngested manifest's source url names a given landed file. */
public final class ManifestMatch {

    private ManifestMatch() {
    }

    /**
     * @param sourceUrl the manifest's url, e.g. {@code file:///run/landing/netflix_titles.csv}
     * @param file the file that was dropped
     */
    public static boolean matches(String sourceUrl, Path file) {
        if (sourceUrl == null || sourceUrl.isBlank()) {
            return false;
        }
        Path expected = file.toAbsolutePath().normalize();
        try {
            URI uri = URI.create(sourceUrl.trim());
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                return Path.of(uri).toAbsolutePath().normalize().equals(expected);
            }
            // Another scheme (e.g. an emulated blob url): compare the last path segment, the file name.
            String path = uri.getPath();
            return path != null && path.endsWith("/" + expected.getFileName());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
    }
}
