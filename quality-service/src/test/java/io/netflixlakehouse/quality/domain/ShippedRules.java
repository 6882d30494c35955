package io.netflixlakehouse.quality.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a dataset's expectations exactly as shipped in application.properties, without Quarkus. */
final class ShippedRules {

    private ShippedRules() {
    }

    static DatasetDefinition titles() {
        return dataset("titles");
    }

    static DatasetDefinition dataset(String name) {
        String prefix = "lakehouse.quality.datasets." + name + ".";
        Properties properties = new Properties();
        try (InputStream in = ShippedRules.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> ruleNames = new TreeSet<>();
        Map<String, String> groups = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix + "rules.")) {
                String rest = key.substring((prefix + "rules.").length());
                ruleNames.add(rest.substring(0, rest.lastIndexOf('.')));
            } else if (key.startsWith(prefix + "groups.") && key.endsWith(".expect")) {
                String group = key.substring((prefix + "groups.").length(), key.length() - ".expect".length());
                groups.put(group, properties.getProperty(key));
            }
        }
        List<RuleDefinition> rules = new ArrayList<>();
        for (String rule : ruleNames) {
            rules.add(new RuleDefinition(rule,
                    properties.getProperty(prefix + "rules." + rule + ".expression"),
                    properties.getProperty(prefix + "rules." + rule + ".action"),
                    properties.getProperty(prefix + "rules." + rule + ".group")));
        }
        return new DatasetDefinition(name,
                properties.getProperty(prefix + "rule-set-version"),
                Arrays.asList(properties.getProperty(prefix + "columns").split(",")),
                rules, groups);
    }
}
