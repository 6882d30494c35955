package io.netflixlakehouse.ingest.domain;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The configured datasets; the first (by name) whose glob matches a file's relative path owns it. */
public final class DatasetCatalog {

    private record Entry(DatasetSpec spec, List<PathMatcher> matchers) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** @throws java.util.regex.PatternSyntaxException if a glob is invalid */
    public DatasetCatalog(List<DatasetSpec> specs) {
        specs.stream().sorted(Comparator.comparing(DatasetSpec::name)).forEach(spec -> {
            List<PathMatcher> matchers = new ArrayList<>();
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + spec.glob()));
            // Ant/gitignore semantics: "**/x" also matches "x" at the root.
            if (spec.glob().startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + spec.glob().substring(3)));
            }
            entries.add(new Entry(spec, List.copyOf(matchers)));
        });
    }

    public Optional<DatasetSpec> match(String relativePath) {
        Path path = Path.of(relativePath);
        return entries.stream()
                .filter(entry -> entry.matchers().stream().anyMatch(matcher -> matcher.matches(path)))
                .map(Entry::spec)
                .findFirst();
    }

    public List<DatasetSpec> specs() {
        return entries.stream().map(Entry::spec).toList();
    }
}
