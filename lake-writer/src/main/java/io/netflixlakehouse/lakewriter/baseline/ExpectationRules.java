package io.netflixlakehouse.lakewriter.baseline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expectations of one dataset as the quality-service declares them in its {@code application.properties}
 * ({@code lakehouse.quality.datasets.<dataset>.rules.<name>.expression|action} and {@code .columns}): the same SQL
 * boolean expressions, read from the same file, so the baseline checks exactly what the service checks.
 *
 * @param columns the dataset's columns, in file order
 * @param rules every rule, by name
 */
public record ExpectationRules(List<String> columns, List<Rule> rules) {

    /** One expectation: a SQL boolean expression and what a failure does ({@code quarantine} or {@code warn}). */
    public record Rule(String name, String expression, String action) {

        public boolean quarantines() {
            return "quarantine".equals(action);
        }
    }

    private static final Pattern RULE_KEY =
            Pattern.compile("lakehouse\\.quality\\.datasets\\.([^.]+)\\.rules\\.([^.]+)\\.(expression|action)");

    public ExpectationRules {
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
    }

    /**
     * Reads {@code dataset}'s columns and rules from a Quarkus properties file (profile-prefixed keys are ignored).
     *
     * @throws IllegalArgumentException when the file declares no columns or no rule for the dataset
     */
    public static ExpectationRules load(Path propertiesFile, String dataset) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules file " + propertiesFile, e);
        }
        String columns = properties.getProperty("lakehouse.quality.datasets." + dataset + ".columns");
        if (columns == null || columns.isBlank()) {
            throw new IllegalArgumentException("no lakehouse.quality.datasets." + dataset + ".columns in "
                    + propertiesFile);
        }
        TreeMap<String, String[]> byName = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = RULE_KEY.matcher(key);
            if (m.matches() && m.group(1).equals(dataset)) {
                String[] rule = byName.computeIfAbsent(m.group(2), name -> new String[] {null, "quarantine"});
                String value = properties.getProperty(key).trim();
                if (m.group(3).equals("expression")) {
                    rule[0] = value;
                } else {
                    rule[1] = value.toLowerCase(Locale.ROOT);
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        byName.forEach((name, rule) -> {
            if (rule[0] == null) {
                throw new IllegalArgumentException("rule " + name + " of " + dataset + " has no expression in "
                        + propertiesFile);
            }
            rules.add(new Rule(name, rule[0], rule[1]));
        });
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no rules for dataset " + dataset + " in " + propertiesFile);
        }
        return new ExpectationRules(Arrays.stream(columns.split(",")).map(String::trim).toList(), rules);
    }
}
