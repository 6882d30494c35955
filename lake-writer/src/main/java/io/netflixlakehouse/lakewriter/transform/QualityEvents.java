package io.netflixlakehouse.lakewriter.transform;

import static io.netflixlakehouse.lakewriter.transform.KafkaColumns.value;
import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.expr;

import io.netflixlakehouse.lakewriter.schema.TopicSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * netflix.quality.events.v1 -> quality_events: the quality event log, one row per event (per dataset, file and
 * batch; failed files; re-drive releases). Summed per file: received = validated + quarantined + dropped.
 */
public final class QualityEvents {

    /** The value schema of the topic. */
    public static final StructType VALUE_SCHEMA = TopicSchemas.QUALITY_EVENT;

    private QualityEvents() {
    }

    /** The event rows of the well-formed rows of a parsed batch ({@link KafkaColumns#parse}). */
    public static Dataset<Row> fromParsed(Dataset<Row> parsed) {
        List<Column> columns = new ArrayList<>(List.of(
                value("id").as("event_id"),
                value("kind").as("kind"),
                value("dataset").as("dataset"),
                value("ruleSetVersion").as("rule_set_version"),
                value("sourceUrl").as("source_url"),
                value("eTag").as("etag"),
                value("fileId").as("file_id"),
                value("batchId").as("batch_id"),
                value("received").as("received"),
                value("validated").as("validated"),
                value("quarantined").as("quarantined"),
                value("dropped").as("dropped"),
                value("rules").as("rules"),
                value("failure").as("failure"),
                coalesce(value("releasedRecordIds"), expr("array()")).cast("array<string>").as("released_record_ids"),
                value("eventTime").as("event_time")));
        columns.addAll(List.of(KafkaColumns.coordinates()));
        return parsed.filter(wellFormed()).select(columns.toArray(Column[]::new));
    }

    /** {@link #fromParsed} of a Kafka batch. */
    public static Dataset<Row> fromKafka(Dataset<Row> kafka) {
        return fromParsed(parse(kafka));
    }

    /** A Kafka batch with its values parsed ({@link KafkaColumns#parse}). */
    public static Dataset<Row> parse(Dataset<Row> kafka) {
        return KafkaColumns.parse(kafka, VALUE_SCHEMA);
    }

    /** One row per event_id: the first delivery wins. */
    public static Dataset<Row> dedupe(Dataset<Row> events) {
        return Dedupe.firstPerKey(events, "event_id", asc("kafka_partition"), asc("kafka_offset"));
    }

    /** Over a parsed batch: the rows {@link #fromParsed} keeps. */
    public static Column wellFormed() {
        return value("id").isNotNull().and(value("kind").isNotNull());
    }
}
