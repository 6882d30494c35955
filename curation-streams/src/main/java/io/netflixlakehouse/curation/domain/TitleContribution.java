package io.netflixlakehouse.curation.domain;

import java.util.List;

/**
 * What one title adds to gold: it counts once in the group of each of its countries, with its
 * running time and genres. Kept per show_id, so that the title's next version (or its deletion)
 * takes back exactly what this one added. Holds no time: a replayed title yields an equal value.
 *
 * @param type the title type, {@link GoldContributions#UNKNOWN_TYPE} when missing
 * @param contentAgeCategory Recent, Modern or Classic
 * @param durationMinutes running time, null when the title has none (shows)
 * @param genres the title's genres, distinct and sorted
 * @param countries the title's countries, distinct and sorted; Unknown when it lists none
 */
public record TitleContribution(
        String type,
        String contentAgeCategory,
        Integer durationMinutes,
        List<String> genres,
        List<String> countries) {

    public TitleContribution {
        genres = genres == null ? List.of() : List.copyOf(genres);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** The key of the group this title counts in for {@code country}. */
    public String groupKey(String country) {
        return GoldContributions.groupKey(type, contentAgeCategory, country);
    }
}
