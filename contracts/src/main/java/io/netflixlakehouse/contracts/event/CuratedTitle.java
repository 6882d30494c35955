package io.netflixlakehouse.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A cleaned, typed title (silver). Multi-valued columns are lists; a value that could not be
 * parsed is null here and still visible in bronze.
 *
 * @param schemaVersion version of this record's schema
 * @param id the raw record's id
 * @param eventTime the blob event time of the source file (not wall-clock: replays stay identical)
 * @param showId the title's key
 * @param type "Movie" or "TV Show"
 * @param typeFlag 1 for Movie, 2 for TV Show, 0 otherwise
 * @param title the title, trimmed (non-breaking spaces included)
 * @param shortTitle the title before the first ':'
 * @param directors directors, split on ','
 * @param cast cast members, split on ','
 * @param countries countries, split on ',' (stray commas dropped)
 * @param dateAdded the date the title was added, when it parses
 * @param releaseYear release year
 * @param rating the rating as given (e.g. PG-13)
 * @param ratingPrefix the rating before the first '-' (e.g. PG)
 * @param durationMinutes running time of a movie
 * @param durationSeasons number of seasons of a show
 * @param listedIn genres, split on ','
 * @param description the description
 * @param lineage where the record came from
 */
public record CuratedTitle(
        int schemaVersion,
        String id,
        Instant eventTime,
        String showId,
        String type,
        int typeFlag,
        String title,
        String shortTitle,
        List<String> directors,
        List<String> cast,
        List<String> countries,
        LocalDate dateAdded,
        Integer releaseYear,
        String rating,
        String ratingPrefix,
        Integer durationMinutes,
        Integer durationSeasons,
        List<String> listedIn,
        String description,
        Lineage lineage) {

    public static final int SCHEMA_VERSION = 1;
}
