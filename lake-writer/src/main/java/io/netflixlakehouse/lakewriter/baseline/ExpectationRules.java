package io.netflixlakehouse.lakewriter.baseline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expectations of one dataset as the quality-service declares them in its {@code application.properties}
 * ({@code lakehouse.quality.datasets.<dataset>.rules.<name>.expression|action|group}, {@code .groups.<g>.expect} and
 * {@code .columns}): the same SQL boolean expressions, read from the same file, so the baseline checks exactly what
 * the service checks. A rule's action is its own, else its group's form's (Delta Live Tables' {@code expect_all} is
 * warn, {@code expect_all_or_drop} drop, {@code expect_all_or_quarantine} quarantine, {@code expect_all_or_fail}
 * fail), else quarantine.
 *
 * @param columns the dataset's columns, in file order
 * @param rules every rule, by name
 */
public record ExpectationRules(List<String> columns, List<Rule> rules) {

    /** One expectation: a SQL boolean expression and what a failure does (warn, drop, quarantine or fail). */
    public record Rule(String name, String expression, String action) {

        /** Whether a failing record stays out of silver (every action but warn). */
        public boolean quarantines() {
            return !"warn".equals(action);
        }
    }

    private static final Pattern RULE_KEY =
            Pattern.compile("lakehouse\\.quality\\.datasets\\.([^.]+)\\.rules\\.([^.]+)\\.(expression|action|group)");

    private static final Pattern GROUP_KEY =
            Pattern.compile("lakehouse\\.quality\\.datasets\\.([^.]+)\\.groups\\.([^.]+)\\.expect");

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
        Map<String, String> groupActions = new HashMap<>();
        TreeMap<String, String[]> byName = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            Matcher group = GROUP_KEY.matcher(key);
            if (group.matches() && group.group(1).equals(dataset)) {
                groupActions.put(group.group(2), formAction(value, key));
            }
            Matcher m = RULE_KEY.matcher(key);
            if (m.matches() && m.group(1).equals(dataset)) {
                String[] rule = byName.computeIfAbsent(m.group(2), name -> new String[3]);
                switch (m.group(3)) {
                    case "expression" -> rule[0] = value;
                    case "action" -> rule[1] = value.toLowerCase(Locale.ROOT);
                    default -> rule[2] = value;
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        byName.forEach((name, rule) -> {
            if (rule[0] == null) {
                throw new IllegalArgumentException("rule " + name + " of " + dataset + " has no expression in "
                        + propertiesFile);
            }
            String action = rule[1] != null ? rule[1]
                    : rule[2] != null ? groupActions.getOrDefault(rule[2], "quarantine") : "quarantine";
            rules.add(new Rule(name, rule[0], action));
        });
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no rules for dataset " + dataset + " in " + propertiesFile);
        }
        return new ExpectationRules(Arrays.stream(columns.split(",")).map(String::trim).toList(), rules);
    }

    private static String formAction(String form, String key) {
        return switch (form.toLowerCase(Locale.ROOT)) {
            case "expect_all" -> "warn";
            case "expect_all_or_drop" -> "drop";
            case "expect_all_or_quarantine" -> "quarantine";
            case "expect_all_or_fail" -> "fail";
            default -> throw new IllegalArgumentException(key + ": unknown group form " + form);
        };
    }
}
