package io.netflixlakehouse.curation.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a title contributed to gold last time: country to group key. Kept per show_id so that a
 * country the title no longer lists can be withdrawn (a tombstone for {@code showId|country}).
 *
 * @param groupKeyByCountry country to the gold group key it was counted in
 */
public record TitleContributions(SortedMap<String, String> groupKeyByCountry) {

    public TitleContributions {
        groupKeyByCountry = Collections.unmodifiableSortedMap(
                new TreeMap<>(groupKeyByCountry == null ? Map.of() : groupKeyByCountry));
    }

    public static TitleContributions of(Map<String, GoldContribution> contributionsByCountry) {
        SortedMap<String, String> keys = new TreeMap<>();
        contributionsByCountry.forEach((country, contribution) -> keys.put(country, contribution.groupKey()));
        return new TitleContributions(keys);
    }

    /** Countries contributed last time that {@code current} no longer has, sorted. */
    public List<String> countriesWithdrawnBy(Map<String, GoldContribution> current) {
        List<String> withdrawn = new ArrayList<>();
        for (String country : groupKeyByCountry.keySet()) {
            if (!current.containsKey(country)) {
                withdrawn.add(country);
            }
        }
        return List.copyOf(withdrawn);
    }
}
