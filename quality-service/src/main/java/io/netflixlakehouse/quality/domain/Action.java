package io.netflixlakehouse.quality.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What happens to a record that fails an expectation (the names Delta Live Tables uses, plus quarantine). */
public enum Action {

    /** Keep the record on the validated topic; name the rule in its warnings. */
    WARN,
    /** Remove the record from the validated stream; it is still written to quarantine, never lost silently. */
    DROP,
    /** Remove the record from the validated stream and write it, with the reasons, to quarantine. */
    QUARANTINE,
    /** Stop the dataset's flow: the record and every later one of the dataset go to quarantine; the file is marked failed. */
    FAIL;

    /** The lower-case name used in configuration. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a failure keeps the record off the validated topic. */
    public boolean removesRecord() {
        return this != WARN;
    }

    public static Optional<Action> fromConfig(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(normalized)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Action::configName).collect(Collectors.joining("|"));
    }
}
