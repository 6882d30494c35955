package io.netflixlakehouse.curation.domain;

/**
 * How recent a title is, from its release year. A title without a (parseable) release year is
 * {@link #CLASSIC}: it is still counted, in the oldest bucket, rather than dropped from gold.
 */
public enum ContentAgeCategory {
    RECENT("Recent"),
    MODERN("Modern"),
    CLASSIC("Classic");

    /** First release year of {@link #RECENT}. */
    public static final int RECENT_FROM = 2020;
    /** First release year of {@link #MODERN}. */
    public static final int MODERN_FROM = 2010;

    private final String label;

    ContentAgeCategory(String label) {
        this.label = label;
    }

    /** The value written to the gold topic: Recent, Modern or Classic. */
    public String label() {
        return label;
    }

    public static ContentAgeCategory of(Integer releaseYear) {
        if (releaseYear == null) {
            return CLASSIC;
        }
        if (releaseYear >= RECENT_FROM) {
            return RECENT;
        }
        if (releaseYear >= MODERN_FROM) {
            return MODERN;
        }
        return CLASSIC;
    }
}
