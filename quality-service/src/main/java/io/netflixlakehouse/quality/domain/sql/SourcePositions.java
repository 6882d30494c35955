package io.netflixlakehouse.quality.domain.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a sub-expression stands in the rule's text, so an error found after parsing (unknown column,
 * wrong type) is reported with a line and column too. JSqlParser prints a node with its own spacing, so the
 * match ignores whitespace and case.
 */
final class SourcePositions {

    private SourcePositions() {
    }

    /** {line, column} (1-based) of the first occurrence of {@code subject} in {@code source}; null when absent. */
    static int[] locate(String source, String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        String compact = subject.replaceAll("\\s+", "");
        StringBuilder regex = new StringBuilder();
        if (Character.isLetterOrDigit(compact.charAt(0)) || compact.charAt(0) == '_') {
            regex.append("(?<![A-Za-z0-9_])");
        }
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0) {
                regex.append("\\s*");
            }
            regex.append(Pattern.quote(String.valueOf(compact.charAt(i))));
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(source);
        if (!m.find()) {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < m.start(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, m.start() - lineStart + 1};
    }
}
