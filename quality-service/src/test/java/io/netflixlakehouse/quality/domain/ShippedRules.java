package io.netflixlakehouse.quality.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/** Reads the titles expectations exactly as shipped in application.properties, without Quarkus. */
final class ShippedRules {

    private static final String PREFIX = "lakehouse.quality.datasets.titles.";

    private ShippedRules() {
    }

    static DatasetDefinition titles() {
        Properties properties = new Properties();
        try (InputStream in = ShippedRules.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> ruleNames = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX + "rules.")) {
                String rest = key.substring((PREFIX + "rules.").length());
                ruleNames.add(rest.substring(0, rest.lastIndexOf('.')));
            }
        }
        List<RuleDefinition> rules = new ArrayList<>();
        for (String name : ruleNames) {
            rules.add(new RuleDefinition(name,
                    properties.getProperty(PREFIX + "rules." + name + ".expression"),
                    properties.getProperty(PREFIX + "rules." + name + ".action")));
        }
        return new DatasetDefinition("titles",
                properties.getProperty(PREFIX + "rule-set-version"),
                Arrays.asList(properties.getProperty(PREFIX + "columns").split(",")),
                rules);
    }
}
