package io.netflixlakehouse.curation.domain;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.Lineage;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import java.time.Instant;
import java.util.Map;

/**
 * Turns a validated Kaggle title row into a typed silver {@link CuratedTitle}.
 *
 * <p>Deterministic: the event time is the blob event time of the source file, never the wall
 * clock, so replaying the validated topic yields byte-identical curated records.
 */
public final class TitleCurator {

    private TitleCurator() {
    }

    public static CuratedTitle curate(ValidatedRecord record) {
        Map<String, String> fields = record.fields() == null ? Map.of() : record.fields();
        String showId = CurationTransforms.clean(fields.get("show_id"));
        String type = CurationTransforms.clean(fields.get("type"));
        String title = CurationTransforms.title(fields.get("title"));
        String rating = CurationTransforms.clean(fields.get("rating"));
        String duration = fields.get("duration");
        Lineage lineage = record.lineage();
        Instant eventTime = lineage == null ? null : lineage.blobEventTime();
        return new CuratedTitle(
                CuratedTitle.SCHEMA_VERSION,
                record.id(),
                eventTime,
                showId == null ? record.key() : showId,
                type,
                CurationTransforms.typeFlag(type),
                title,
                CurationTransforms.shortTitle(title),
                CurationTransforms.split(fields.get("director")),
                CurationTransforms.split(fields.get("cast")),
                CurationTransforms.split(fields.get("country")),
                CurationTransforms.dateAdded(fields.get("date_added")),
                CurationTransforms.releaseYear(fields.get("release_year")),
                rating,
                CurationTransforms.ratingPrefix(rating),
                CurationTransforms.durationMinutes(duration),
                CurationTransforms.durationSeasons(duration),
                CurationTransforms.split(fields.get("listed_in")),
                CurationTransforms.clean(fields.get("description")),
                lineage);
    }
}
