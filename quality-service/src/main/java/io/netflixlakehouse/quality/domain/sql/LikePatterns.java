package io.netflixlakehouse.quality.domain.sql;

import java.util.regex.Pattern;

/** Translates SQL LIKE patterns to Java regular expressions, once, at compile time. */
final class LikePatterns {

    private LikePatterns() {
    }

    /**
     * {@code %} matches any sequence, {@code _} any one character; the escape character makes the next
     * {@code %}, {@code _} or escape character literal (anything else after it is an error, as in Spark).
     */
    static Pattern compile(String like, char escape, boolean caseInsensitive) {
        StringBuilder regex = new StringBuilder(like.length() + 8);
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == escape) {
                if (i + 1 >= like.length()) {
                    throw new SqlCompileException("LIKE pattern '" + like + "' ends with the escape character '" + escape + "'");
                }
                char next = like.charAt(++i);
                if (next != '%' && next != '_' && next != escape) {
                    throw new SqlCompileException("LIKE pattern '" + like + "': the escape character '" + escape
                            + "' must be followed by %, _ or itself, not '" + next + "'");
                }
                regex.append(Pattern.quote(String.valueOf(next)));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
