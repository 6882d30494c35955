package io.netflixlakehouse.curation.domain;

import java.util.List;

/**
 * What one title adds to one gold group: the title counted once, its running time and genres.
 * Holds no time so that a replayed title produces an identical contribution.
 *
 * @param showId the title
 * @param groupKey {@code type|contentAgeCategory|country}
 * @param type the title type
 * @param contentAgeCategory Recent, Modern or Classic
 * @param country one country of the title, or Unknown
 * @param durationMinutes running time, null when the title has none (shows)
 * @param genres the title's genres, distinct and sorted
 */
public record GoldContribution(
        String showId,
        String groupKey,
        String type,
        String contentAgeCategory,
        String country,
        Integer durationMinutes,
        List<String> genres) {

    public GoldContribution {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
