package io.netflixlakehouse.lakewriter.baseline;

/**
 * The curation-streams silver cleaning rules (CurationTransforms) as Spark SQL expressions over the raw string
 * columns: trim in the Unicode sense, blank to null, split multi-valued columns, parse dates, years and durations.
 */
final class SilverExpressions {

    /** Leading or trailing whitespace, Unicode separators, zero-width space and BOM. */
    private static final String EDGE_BLANKS = "'^[\\\\s\\\\p{Z}\\\\x{200B}\\\\x{FEFF}]+|[\\\\s\\\\p{Z}\\\\x{200B}\\\\x{FEFF}]+$'";

    private SilverExpressions() {
    }

    static String clean(String column) {
        return "nullif(regexp_replace(" + column + ", " + EDGE_BLANKS + ", ''), '')";
    }

    static String title(String column) {
        return "regexp_replace(" + clean(column) + ", '\\\\p{Z}', ' ')";
    }

    /** The part before the first {@code separator}, cleaned; the whole value when there is none. */
    static String head(String column, String separator) {
        return "CASE WHEN instr(" + column + ", '" + separator + "') > 0 THEN coalesce("
                + clean("substring_index(" + column + ", '" + separator + "', 1)") + ", " + column + ") ELSE "
                + column + " END";
    }

    static String split(String column) {
        return "CASE WHEN " + column + " IS NULL THEN array() ELSE filter(transform(split(" + column
                + ", ','), p -> " + clean("p") + "), p -> p IS NOT NULL) END";
    }

    static String typeFlag(String column) {
        return "CASE " + column + " WHEN 'Movie' THEN 1 WHEN 'TV Show' THEN 2 ELSE 0 END";
    }

    static String releaseYear(String column) {
        return "CASE WHEN " + clean(column) + " RLIKE '^[0-9]{1,9}$' THEN CAST(" + clean(column) + " AS INT) END";
    }

    static String durationNumber(String column, String unitPattern) {
        return "CAST(nullif(regexp_extract(" + clean(column) + ", '(?i)^([0-9]{1,9})\\\\s*" + unitPattern
                + "$', 1), '') AS INT)";
    }

    static String dateAdded(String column) {
        return "to_date(" + clean(column) + ", 'MMMM d, yyyy')";
    }
}
