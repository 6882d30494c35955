package io.netflixlakehouse.ingest.domain;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * Where a dataset's files are: a container, a prefix (folder) inside it and a glob over the rest of
 * the path. In the landing folder the container is {@code landing} and the path is relative to the root.
 *
 * @param container the blob container (the landing folder is container {@code landing})
 * @param prefix a folder prefix ending with {@code /}, or empty for the root
 * @param glob a glob over the path after the prefix; {@code *} does not cross {@code /}, {@code **} does
 */
public record SourceSpec(String container, String prefix, String glob) {

    public static final String LANDING = "landing";

    /** @throws java.util.regex.PatternSyntaxException if the glob is invalid */
    public SourceSpec {
        matcher(glob);
    }

    public boolean matches(String container, String relativePath) {
        if (!this.container.equals(container) || !relativePath.startsWith(prefix)) {
            return false;
        }
        String rest = relativePath.substring(prefix.length());
        if (rest.isEmpty()) {
            return false;
        }
        Path path = Path.of(rest);
        // Ant/gitignore semantics: "**/x" also matches "x" directly under the prefix.
        return matcher(glob).matches(path) || glob.startsWith("**/") && matcher(glob.substring(3)).matches(path);
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    @Override
    public String toString() {
        return container + ":" + prefix + glob;
    }
}
