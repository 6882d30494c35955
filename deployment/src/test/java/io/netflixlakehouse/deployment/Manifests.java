package io.netflixlakehouse.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads the repository's deployment files as plain YAML trees. */
final class Manifests {

    private static final Pattern CREATE_TOPIC = Pattern.compile("^\\s*create (\\S+)(.*)$", Pattern.MULTILINE);

    private Manifests() {
    }

    static Path home() {
        return Path.of(System.getProperty("lakehouse.home", "..")).toAbsolutePath().normalize();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlFile(Path file) {
        return (Map<String, Object>) yaml().load(read(file));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** Topic name to the extra kafka-topics arguments of each `create <topic> ...` line of a script. */
    static Map<String, String> createdTopics(String script) {
        Map<String, String> topics = new java.util.LinkedHashMap<>();
        Matcher matcher = CREATE_TOPIC.matcher(script);
        while (matcher.find()) {
            topics.put(matcher.group(1), matcher.group(2).trim());
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("Missing key '" + String.join(".", path) + "' (stopped at '" + key + "')");
            }
            current = map.get(key);
        }
        return (T) current;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
