package io.netflixlakehouse.ingest.domain;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The landing folder, and the only gate through which a blob url becomes a file to read. A url is
 * read only if it is {@code file://}, has no {@code ..} segment, and both its normalised path and
 * its real path (symlinks resolved) lie inside the root's real path.
 */
public final class LandingRoot {

    private final Path root;

    public LandingRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The root as an absolute, normalised path (not necessarily its real path). */
    public Path path() {
        return root;
    }

    /** What a url resolves to. */
    public sealed interface Resolution {
    }

    /** A regular file inside the root. {@code relativePath} uses {@code /} separators. */
    public record Resolved(Path file, String relativePath) implements Resolution {
    }

    /** Refused or missing, with the reason. */
    public record Refused(Failure why) implements Resolution {
    }

    public Resolution resolve(String url) {
        if (url == null || url.isBlank()) {
            return refused("(no url)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return refused("(not a URI)");
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            return refused("(scheme " + uri.getScheme() + " is not file)");
        }
        String uriPath = uri.getPath();
        if (uriPath == null || Arrays.asList(uriPath.split("/")).contains("..")) {
            return refused("(path contains ..)");
        }
        Path file;
        try {
            file = Path.of(uri).normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return refused("(not a local file url)");
        }
        Path realRoot = realRoot();
        if (!file.startsWith(root) && !file.startsWith(realRoot)) {
            return refused("(outside the landing root)");
        }
        if (!Files.exists(file)) {
            return new Refused(Failure.of(Reason.BLOB_NOT_FOUND));
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return new Refused(Failure.of(Reason.BLOB_NOT_FOUND));
        }
        if (!real.startsWith(realRoot)) {
            return refused("(resolves outside the landing root)");
        }
        if (!Files.isRegularFile(real)) {
            return new Refused(new Failure(Reason.BLOB_NOT_FOUND, "(not a regular file)"));
        }
        return new Resolved(real, relativePath(realRoot.relativize(real)));
    }

    /** The path of a file relative to the root, with {@code /} separators. */
    public static String relativePath(Path relative) {
        StringBuilder text = new StringBuilder();
        for (Path part : relative) {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(part);
        }
        return text.toString();
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    private static Refused refused(String detail) {
        return new Refused(new Failure(Reason.URL_NOT_ALLOWED, detail));
    }
}
