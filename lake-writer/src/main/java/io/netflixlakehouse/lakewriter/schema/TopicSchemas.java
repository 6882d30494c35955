package io.netflixlakehouse.lakewriter.schema;

import io.netflixlakehouse.contracts.Topics;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark schemas of the JSON values of the topics the lake-writer reads. Field names and types
 * mirror the records in {@code io.netflixlakehouse.contracts.event}; instants parse as
 * TIMESTAMP, {@code LocalDate} as DATE.
 */
public final class TopicSchemas {

    private static final DataType STRING = DataTypes.StringType;
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType TIMESTAMP = DataTypes.TimestampType;
    private static final MapType STRING_MAP = DataTypes.createMapType(STRING, STRING, true);
    private static final ArrayType STRING_ARRAY = DataTypes.createArrayType(STRING, true);

    /** {@code Lineage}. */
    public static final StructType LINEAGE = struct(
            field("sourceUrl", STRING),
            field("eTag", STRING),
            field("recordNumber", LONG),
            field("lineNumber", LONG),
            field("blobEventId", STRING),
            field("blobEventTime", TIMESTAMP),
            field("ingestedAt", TIMESTAMP));

    /** {@code RawRecord} on {@link Topics#TITLES_RAW}. */
    public static final StructType RAW_RECORD = struct(
            field("schemaVersion", INT),
            field("id", STRING),
            field("eventTime", TIMESTAMP),
            field("dataset", STRING),
            field("key", STRING),
            field("fields", STRING_MAP),
            field("lineage", LINEAGE));

    /** {@code QuarantineRecord.RuleFailure}. */
    public static final StructType RULE_FAILURE = struct(
            field("rule", STRING),
            field("expression", STRING),
            field("action", STRING),
            field("values", STRING_MAP));

    /** {@code QuarantineRecord} on {@link Topics#TITLES_QUARANTINE}. */
    public static final StructType QUARANTINE_RECORD = struct(
            field("schemaVersion", INT),
            field("id", STRING),
            field("eventTime", TIMESTAMP),
            field("dataset", STRING),
            field("key", STRING),
            field("fields", STRING_MAP),
            field("lineage", LINEAGE),
            field("ruleSetVersion", STRING),
            field("failures", DataTypes.createArrayType(RULE_FAILURE, true)));

    /** {@code CuratedTitle} on {@link Topics#TITLES_CURATED}. */
    public static final StructType CURATED_TITLE = struct(
            field("schemaVersion", INT),
            field("id", STRING),
            field("eventTime", TIMESTAMP),
            field("showId", STRING),
            field("type", STRING),
            field("typeFlag", INT),
            field("title", STRING),
            field("shortTitle", STRING),
            field("directors", STRING_ARRAY),
            field("cast", STRING_ARRAY),
            field("countries", STRING_ARRAY),
            field("dateAdded", DataTypes.DateType),
            field("releaseYear", INT),
            field("rating", STRING),
            field("ratingPrefix", STRING),
            field("durationMinutes", INT),
            field("durationSeasons", INT),
            field("listedIn", STRING_ARRAY),
            field("description", STRING),
            field("lineage", LINEAGE));

    /** {@code GoldTitleAggregate} on {@link Topics#GOLD_TITLES_BY_TYPE_AGE_COUNTRY}. */
    public static final StructType GOLD_AGGREGATE = struct(
            field("schemaVersion", INT),
            field("id", STRING),
            field("eventTime", TIMESTAMP),
            field("type", STRING),
            field("contentAgeCategory", STRING),
            field("country", STRING),
            field("contentCount", LONG),
            field("durationMinutesSum", LONG),
            field("durationMinutesCount", LONG),
            field("avgDurationMinutes", DataTypes.DoubleType),
            field("genreCounts", DataTypes.createMapType(STRING, LONG, true)),
            field("genres", STRING_ARRAY));

    /** {@code QualityEvent} on {@link Topics#QUALITY_EVENTS}. */
    public static final StructType QUALITY_EVENT = struct(
            field("schemaVersion", INT),
            field("id", STRING),
            field("eventTime", TIMESTAMP),
            field("kind", STRING),
            field("dataset", STRING),
            field("ruleSetVersion", STRING),
            field("sourceUrl", STRING),
            field("eTag", STRING),
            field("fileId", STRING),
            field("batchId", STRING),
            field("received", LONG),
            field("validated", LONG),
            field("quarantined", LONG),
            field("dropped", LONG),
            field("rules", DataTypes.createArrayType(struct(
                    field("rule", STRING),
                    field("group", STRING),
                    field("action", STRING),
                    field("passed", LONG),
                    field("failed", LONG)), true)),
            field("failure", struct(
                    field("rule", STRING),
                    field("expression", STRING),
                    field("recordId", STRING),
                    field("recordNumber", LONG),
                    field("lineNumber", LONG),
                    field("message", STRING))),
            field("releasedRecordIds", STRING_ARRAY));

    private static final Map<String, StructType> BY_TOPIC = Map.of(
            Topics.QUALITY_EVENTS, QUALITY_EVENT,
            Topics.TITLES_RAW, RAW_RECORD,
            Topics.TITLES_QUARANTINE, QUARANTINE_RECORD,
            Topics.TITLES_CURATED, CURATED_TITLE,
            Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, GOLD_AGGREGATE);

    private TopicSchemas() {
    }

    /** The value schema of {@code topic}; fails for a topic the lake-writer does not read. */
    public static StructType forTopic(String topic) {
        StructType schema = BY_TOPIC.get(topic);
        if (schema == null) {
            throw new IllegalArgumentException("The lake-writer does not read topic " + topic);
        }
        return schema;
    }

    private static StructField field(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }

    private static StructType struct(StructField... fields) {
        return new StructType(fields);
    }
}
