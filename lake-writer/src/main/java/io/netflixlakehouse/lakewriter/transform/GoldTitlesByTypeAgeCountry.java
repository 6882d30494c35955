package io.netflixlakehouse.lakewriter.transform;

import static io.netflixlakehouse.lakewriter.transform.KafkaColumns.value;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import io.netflixlakehouse.lakewriter.schema.TopicSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * netflix.titles.gold-by-type-age-country.v1 (a compacted changelog keyed by {@code type|age|country})
 * -> gold rows plus a {@link #DELETED} flag for tombstones (null values).
 */
public final class GoldTitlesByTypeAgeCountry {

    /** The value schema of the topic. */
    public static final StructType VALUE_SCHEMA = TopicSchemas.GOLD_AGGREGATE;

    /** True for a tombstone: the group no longer exists. Not a table column. */
    public static final String DELETED = "deleted";

    private GoldTitlesByTypeAgeCountry() {
    }

    /** The changelog rows of a parsed batch ({@link KafkaColumns#parse}): upserts and deletes, keyed by group_key. */
    public static Dataset<Row> fromParsed(Dataset<Row> parsed) {
        return parsed
                .filter(wellFormed())
                .select(
                        col(KafkaColumns.KEY).as("group_key"),
                        value("type").as("type"),
                        value("contentAgeCategory").as("content_age_category"),
                        value("country").as("country"),
                        value("contentCount").as("content_count"),
                        value("avgDurationMinutes").as("avg_duration_minutes"),
                        value("durationMinutesSum").as("duration_minutes_sum"),
                        value("durationMinutesCount").as("duration_minutes_count"),
                        value("genres").as("genres"),
                        col(KafkaColumns.PARTITION),
                        col(KafkaColumns.OFFSET),
                        col(KafkaColumns.TOMBSTONE).as(DELETED));
    }

    /** {@link #fromParsed} of a Kafka batch. */
    public static Dataset<Row> fromKafka(Dataset<Row> kafka) {
        return fromParsed(KafkaColumns.parse(kafka, VALUE_SCHEMA));
    }

    /** The last change per group_key in the batch (highest partition, then offset). */
    public static Dataset<Row> lastPerKey(Dataset<Row> changes) {
        return Dedupe.firstPerKey(changes, "group_key", desc("kafka_partition"), desc("kafka_offset"));
    }

    /**
     * SQL condition, over target {@code t} and source {@code s}, that the source change is newer:
     * a higher offset in the same partition (a different partition only after the topic was re-created).
     */
    public static String sourceNewerCondition() {
        return "(s.kafka_partition <> t.kafka_partition OR s.kafka_offset > t.kafka_offset)";
    }

    /** Over a parsed batch: the rows {@link #fromParsed} keeps. */
    public static Column wellFormed() {
        Column tombstone = col(KafkaColumns.TOMBSTONE);
        return col(KafkaColumns.KEY).isNotNull().and(tombstone.or(value("id").isNotNull()));
    }
}
