package io.netflixlakehouse.lakewriter.transform;

import static io.netflixlakehouse.lakewriter.transform.KafkaColumns.lineage;
import static io.netflixlakehouse.lakewriter.transform.KafkaColumns.value;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.desc_nulls_last;

import io.netflixlakehouse.lakewriter.schema.TopicSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * netflix.titles.curated.v1 -> silver_titles: one row per show_id, every CuratedTitle field as a
 * snake_case column, plus the lineage that orders versions. No Kafka or wall-clock columns, so a
 * replay writes identical content.
 */
public final class SilverTitles {

    /** The value schema of the topic. */
    public static final StructType VALUE_SCHEMA = TopicSchemas.CURATED_TITLE;

    private SilverTitles() {
    }

    /** The silver rows of the well-formed rows of a parsed batch ({@link KafkaColumns#parse}). */
    public static Dataset<Row> fromParsed(Dataset<Row> parsed) {
        return parsed
                .filter(wellFormed())
                .select(
                        value("showId").as("show_id"),
                        value("id").as("record_id"),
                        value("schemaVersion").as("schema_version"),
                        value("eventTime").as("event_time"),
                        value("type").as("type"),
                        value("typeFlag").as("type_flag"),
                        value("title").as("title"),
                        value("shortTitle").as("short_title"),
                        value("directors").as("directors"),
                        value("cast").as("cast"),
                        value("countries").as("countries"),
                        value("dateAdded").as("date_added"),
                        value("releaseYear").as("release_year"),
                        value("rating").as("rating"),
                        value("ratingPrefix").as("rating_prefix"),
                        value("durationMinutes").as("duration_minutes"),
                        value("durationSeasons").as("duration_seasons"),
                        value("listedIn").as("listed_in"),
                        value("description").as("description"),
                        lineage("sourceUrl").as("source_url"),
                        lineage("eTag").as("etag"),
                        lineage("recordNumber").as("record_number"),
                        lineage("lineNumber").as("line_number"),
                        lineage("blobEventId").as("blob_event_id"),
                        lineage("blobEventTime").as("blob_event_time"));
    }

    /** {@link #fromParsed} of a Kafka batch. */
    public static Dataset<Row> fromKafka(Dataset<Row> kafka) {
        return fromParsed(parse(kafka));
    }

    /** A Kafka batch with its values parsed ({@link KafkaColumns#parse}). */
    public static Dataset<Row> parse(Dataset<Row> kafka) {
        return KafkaColumns.parse(kafka, VALUE_SCHEMA);
    }

    /**
     * One row per show_id: the latest version, where version = (blob_event_time, record_number)
     * and a missing part counts as oldest; record_id breaks exact ties deterministically.
     */
    public static Dataset<Row> latestPerShow(Dataset<Row> silver) {
        return Dedupe.firstPerKey(silver, "show_id",
                desc_nulls_last("blob_event_time"), desc_nulls_last("record_number"), desc("record_id"));
    }

    /**
     * SQL condition, over target {@code t} and source {@code s}, that the source version is not
     * older than the target's: the MERGE updates only then, so a late older version never regresses a row.
     */
    public static String sourceNotOlderCondition() {
        String sTime = "coalesce(s.blob_event_time, TIMESTAMP'0001-01-01 00:00:00')";
        String tTime = "coalesce(t.blob_event_time, TIMESTAMP'0001-01-01 00:00:00')";
        return "(" + sTime + " > " + tTime + ") OR (" + sTime + " = " + tTime
                + " AND coalesce(s.record_number, -1) >= coalesce(t.record_number, -1))";
    }

    /** Over a parsed batch: the rows {@link #fromParsed} keeps. */
    public static Column wellFormed() {
        return value("id").isNotNull().and(value("showId").isNotNull());
    }
}
