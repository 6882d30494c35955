package io.netflixlakehouse.curation.domain;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Splits a curated title into its gold contributions: one per distinct country. */
public final class GoldContributions {

    /** Separator of the parts of gold group keys and contribution keys. */
    public static final String SEPARATOR = "|";

    /** Group type of a title whose type is missing (validated titles normally have one). */
    public static final String UNKNOWN_TYPE = "Unknown";

    private GoldContributions() {
    }

    /**
     * The title's contributions keyed by country, sorted. A country listed twice counts once; a
     * title with no country contributes once under {@link GoldTitleAggregate#UNKNOWN_COUNTRY}.
     */
    public static SortedMap<String, GoldContribution> of(CuratedTitle title) {
        String type = title.type() == null ? UNKNOWN_TYPE : title.type();
        String age = ContentAgeCategory.of(title.releaseYear()).label();
        List<String> genres = List.copyOf(new TreeSet<>(nullToEmpty(title.listedIn())));
        TreeSet<String> countries = new TreeSet<>(nullToEmpty(title.countries()));
        if (countries.isEmpty()) {
            countries.add(GoldTitleAggregate.UNKNOWN_COUNTRY);
        }
        SortedMap<String, GoldContribution> byCountry = new TreeMap<>();
        for (String country : countries) {
            byCountry.put(country, new GoldContribution(
                    title.showId(), groupKey(type, age, country), type, age, country, title.durationMinutes(), genres));
        }
        return Collections.unmodifiableSortedMap(byCountry);
    }

    /** {@code type|contentAgeCategory|country}: the key of a gold group. */
    public static String groupKey(String type, String contentAgeCategory, String country) {
        return type + SEPARATOR + contentAgeCategory + SEPARATOR + country;
    }

    /** {@code showId|country}: the key of one title's contribution to one country's group. */
    public static String contributionKey(String showId, String country) {
        return showId + SEPARATOR + country;
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
