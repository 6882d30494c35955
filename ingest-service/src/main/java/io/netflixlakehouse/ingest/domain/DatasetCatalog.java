package io.netflixlakehouse.ingest.domain;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The datasets; the first (by name) whose source matches a file's container and path owns it. */
public final class DatasetCatalog {

    private final List<DatasetSpec> specs;

    /** @throws IllegalArgumentException if two specs have the same name */
    public DatasetCatalog(List<DatasetSpec> specs) {
        Set<String> names = new HashSet<>();
        for (DatasetSpec spec : specs) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("dataset '" + spec.name() + "' is declared twice (" + spec.origin() + ")");
            }
        }
        this.specs = specs.stream().sorted(Comparator.comparing(DatasetSpec::name)).toList();
    }

    /** The dataset of a file of the landing folder (container {@code landing}). */
    public Optional<DatasetSpec> match(String relativePath) {
        return match(SourceSpec.LANDING, relativePath);
    }

    public Optional<DatasetSpec> match(String container, String path) {
        return specs.stream().filter(spec -> spec.source().matches(container, path)).findFirst();
    }

    public Optional<DatasetSpec> byName(String name) {
        return specs.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    public List<DatasetSpec> specs() {
        return specs;
    }
}
