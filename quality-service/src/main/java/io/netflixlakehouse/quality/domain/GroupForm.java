package io.netflixlakehouse.quality.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The group forms of Delta Live Tables ({@code @dlt.expect_all}, {@code expect_all_or_drop},
 * {@code expect_all_or_fail}), plus {@code expect_all_or_quarantine}: the action every rule of the group takes
 * unless the rule names its own.
 */
public enum GroupForm {

    EXPECT_ALL(Action.WARN),
    EXPECT_ALL_OR_DROP(Action.DROP),
    EXPECT_ALL_OR_QUARANTINE(Action.QUARANTINE),
    EXPECT_ALL_OR_FAIL(Action.FAIL);

    private final Action action;

    GroupForm(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupForm> fromConfig(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(normalized)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(GroupForm::configName).collect(Collectors.joining("|"));
    }
}
