package io.netflixlakehouse.ingest.config;

import io.netflixlakehouse.ingest.domain.DatasetSpec;
import io.netflixlakehouse.ingest.domain.DatasetSpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the dataset specs: the built-in ones on the classpath ({@code datasets/*.yaml}, listed in
 * {@code datasets/index}), then every {@code *.yaml} of the external folder, which adds datasets or
 * replaces a built-in one of the same name. Adding a dataset takes a YAML file, no code.
 */
public final class DatasetSpecs {

    /** The classpath folder of the built-in specs. */
    public static final String BUILT_IN = "datasets/";

    private final DatasetSpecParser parser = new DatasetSpecParser();

    /** @throws DatasetSpecParser.InvalidSpec naming the file and field of a wrong spec */
    public List<DatasetSpec> load(Path externalDir) {
        Map<String, DatasetSpec> byName = new LinkedHashMap<>();
        for (String file : builtInFiles()) {
            DatasetSpec spec = parser.parse("classpath:" + BUILT_IN + file, resource(BUILT_IN + file));
            put(byName, spec, false);
        }
        if (externalDir != null) {
            for (Path file : yamlFiles(externalDir)) {
                DatasetSpec spec = parser.parse(file.toString(), read(file));
                put(byName, spec, true);
            }
        }
        return List.copyOf(byName.values());
    }

    private static void put(Map<String, DatasetSpec> byName, DatasetSpec spec, boolean mayReplace) {
        DatasetSpec before = byName.get(spec.name());
        if (before != null && (!mayReplace || !before.origin().startsWith("classpath:"))) {
            throw new DatasetSpecParser.InvalidSpec(spec.origin(), "name",
                    "dataset '" + spec.name() + "' is already declared in " + before.origin());
        }
        byName.put(spec.name(), spec);
    }

    private static List<String> builtInFiles() {
        List<String> files = new ArrayList<>();
        for (String line : resource(BUILT_IN + "index").split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.add(name);
            }
        }
        return files;
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("lakehouse.ingest.datasets-dir: " + dir + " is not a folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")
                    || file.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("lakehouse.ingest.datasets-dir: cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset spec " + file, e);
        }
    }

    private static String resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DatasetSpecs.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
