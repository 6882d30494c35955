package io.netflixlakehouse.curation.domain;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a curated title contributes to gold, and how gold changes when that contribution changes. */
public final class GoldContributions {

    /** Separator of the parts of gold group keys. */
    public static final String SEPARATOR = "|";

    /** Group type of a title whose type is missing (validated titles normally have one). */
    public static final String UNKNOWN_TYPE = "Unknown";

    private GoldContributions() {
    }

    /**
     * The title's contribution. A country listed twice counts once; a title with no country
     * contributes once under {@link GoldTitleAggregate#UNKNOWN_COUNTRY}.
     */
    public static TitleContribution of(CuratedTitle title) {
        String type = title.type() == null ? UNKNOWN_TYPE : title.type();
        String age = ContentAgeCategory.of(title.releaseYear()).label();
        List<String> genres = List.copyOf(new TreeSet<>(nullToEmpty(title.listedIn())));
        TreeSet<String> countries = new TreeSet<>(nullToEmpty(title.countries()));
        if (countries.isEmpty()) {
            countries.add(GoldTitleAggregate.UNKNOWN_COUNTRY);
        }
        return new TitleContribution(type, age, title.durationMinutes(), genres, List.copyOf(countries));
    }

    /**
     * The changes to gold when a title's contribution goes from {@code previous} to {@code current}
     * (null: the title was or is absent), keyed by group key: the previous contribution is taken
     * back and the current one added, summed per group; groups that do not change are left out,
     * so an identical replay changes nothing.
     */
    public static SortedMap<String, GoldDelta> deltas(TitleContribution previous, TitleContribution current) {
        SortedMap<String, GoldDelta> deltas = new TreeMap<>();
        if (Objects.equals(previous, current)) {
            return deltas;
        }
        if (previous != null) {
            for (String country : previous.countries()) {
                deltas.put(previous.groupKey(country), GoldDelta.of(previous, country, -1));
            }
        }
        if (current != null) {
            for (String country : current.countries()) {
                deltas.merge(current.groupKey(country), GoldDelta.of(current, country, 1), GoldDelta::plus);
            }
        }
        deltas.values().removeIf(GoldDelta::isZero);
        return Collections.unmodifiableSortedMap(deltas);
    }

    /** {@code type|contentAgeCategory|country}: the key of a gold group. */
    public static String groupKey(String type, String contentAgeCategory, String country) {
        return type + SEPARATOR + contentAgeCategory + SEPARATOR + country;
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
