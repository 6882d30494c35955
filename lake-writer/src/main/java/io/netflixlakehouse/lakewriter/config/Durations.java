package io.netflixlakehouse.lakewriter.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations of the command line: {@code 500ms}, {@code 2s}, {@code 1m}, or plain milliseconds. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    private Durations() {
    }

    /** The positive duration {@code text} names; fails with a message that names {@code option}. */
    public static Duration parse(String text, String option) {
        Duration d = parseNonNegative(text, option);
        if (d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive, was '" + text + "'");
        }
        return d;
    }

    /** The duration {@code text} names, zero allowed ({@code 0} or {@code 0s}: off). */
    public static Duration parseNonNegative(String text, String option) {
        Matcher m = SHORT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    option + " must look like 500ms, 2s or 1m, was '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }
}
