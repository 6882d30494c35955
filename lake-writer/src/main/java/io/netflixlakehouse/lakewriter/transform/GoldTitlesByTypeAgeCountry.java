package io.netflixlakehouse.lakewriter.transform;

import static io.netflixlakehouse.lakewriter.transform.KafkaColumns.value;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import io.netflixlakehouse.lakewriter.schema.TopicSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * netflix.titles.gold-by-type-age-country.v1 (a compacted changelog keyed by {@code type|age|country})
 * -> gold rows plus a {@link #DELETED} flag for tombstones (null values). Only the last change per key of a batch
 * is parsed and written: as in the topic's compaction, a change superseded in the same batch never shows.
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

    /** {@link #fromParsed} of a Kafka batch: one change per group_key. */
    public static Dataset<Row> fromKafka(Dataset<Row> kafka) {
        return fromParsed(parse(kafka));
    }

    /** The last change per key of a Kafka batch, parsed ({@link KafkaColumns#parse}). */
    public static Dataset<Row> parse(Dataset<Row> kafka) {
        return KafkaColumns.parse(lastChangePerKey(kafka), VALUE_SCHEMA);
    }

    /**
     * Per Kafka key the change at the highest (partition, offset), before any value is parsed: a batch of a
     * hundred thousand changes to a few hundred groups parses a few hundred values. A key is in one partition
     * unless the topic was re-created with another partition count; then the higher partition wins.
     */
    public static Dataset<Row> lastChangePerKey(Dataset<Row> kafka) {
        Column last = max(struct(col("partition"), col("offset"), col("value"), col("topic"))).as("last");
        return kafka.groupBy(col("key")).agg(last).select(
                col("key"), col("last.value").as("value"), col("last.topic").as("topic"),
                col("last.partition").as("partition"), col("last.offset").as("offset"));
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
