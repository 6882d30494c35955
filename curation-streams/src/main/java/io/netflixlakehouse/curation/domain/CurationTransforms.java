package io.netflixlakehouse.curation.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-column cleaning rules of the silver layer. Each function takes the raw string (null
 * for an empty CSV field) and returns the typed value, or null when the value does not parse: a
 * value that could not be cleaned stays visible in bronze, it never fails the record.
 */
public final class CurationTransforms {

    private static final Pattern RELEASE_YEAR = Pattern.compile("\\d{1,9}");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,9})\\s*min", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEASONS = Pattern.compile("(\\d{1,9})\\s*seasons?", Pattern.CASE_INSENSITIVE);

    /** "September 25, 2021": English month names whatever the JVM locale, strict calendar. */
    private static final DateTimeFormatter DATE_ADDED = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMMM d, uuuu")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private CurationTransforms() {
    }

    /**
     * Strips leading and trailing whitespace in the Unicode sense (NBSP U+00A0, narrow NBSP,
     * ideographic space, zero-width space and BOM included; {@link String#strip()} misses NBSP).
     * Blank becomes null.
     */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isBlankChar(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(value.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : value.substring(start, end);
    }

    /**
     * The title, cleaned; Unicode space separators inside it (NBSP in the Kaggle file) become
     * plain spaces so that the same title typed two ways is the same string.
     */
    public static String title(String value) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(cleaned.length());
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            out.append(isBlankChar(c) && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
        }
        return out.toString();
    }

    /** The part of the title before the first ':', cleaned; the whole title when there is none. */
    public static String shortTitle(String title) {
        if (title == null) {
            return null;
        }
        int colon = title.indexOf(':');
        if (colon < 0) {
            return title;
        }
        String head = clean(title.substring(0, colon));
        return head == null ? title : head;
    }

    /** The rating before the first '-' (PG-13 -> PG, TV-MA -> TV, R -> R); null stays null. */
    public static String ratingPrefix(String rating) {
        if (rating == null) {
            return null;
        }
        int dash = rating.indexOf('-');
        if (dash < 0) {
            return rating;
        }
        String head = clean(rating.substring(0, dash));
        return head == null ? rating : head;
    }

    /** 1 for "Movie", 2 for "TV Show", 0 for anything else. */
    public static int typeFlag(String type) {
        if ("Movie".equals(type)) {
            return 1;
        }
        if ("TV Show".equals(type)) {
            return 2;
        }
        return 0;
    }

    /** The release year, or null when the value is not a whole number. */
    public static Integer releaseYear(String value) {
        String cleaned = clean(value);
        if (cleaned == null || !RELEASE_YEAR.matcher(cleaned).matches()) {
            return null;
        }
        return Integer.valueOf(cleaned);
    }

    /** "90 min" -> 90; anything else (seasons, empty, a rating) -> null. */
    public static Integer durationMinutes(String duration) {
        return number(MINUTES, duration);
    }

    /** "1 Season" / "3 Seasons" -> the number of seasons; anything else -> null. */
    public static Integer durationSeasons(String duration) {
        return number(SEASONS, duration);
    }

    /** "September 25, 2021" (leading spaces allowed) -> the date; unparseable or empty -> null. */
    public static LocalDate dateAdded(String value) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return null;
        }
        try {
            return LocalDate.parse(cleaned, DATE_ADDED);
        } catch (DateTimeParseException notADate) {
            // Policy: an unparseable date is null in silver; the raw text stays in bronze.
            return null;
        }
    }

    /**
     * A multi-valued column split on ',', each piece cleaned, empty pieces dropped
     * ("United States," -> [United States]); null -> empty list. Order and duplicates are kept.
     */
    public static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> pieces = new ArrayList<>();
        for (String piece : value.split(",", -1)) {
            String cleaned = clean(piece);
            if (cleaned != null) {
                pieces.add(cleaned);
            }
        }
        return List.copyOf(pieces);
    }

    private static Integer number(Pattern pattern, String value) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(cleaned);
        return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
