package io.netflixlakehouse.lakewriter.transform;

import static io.netflixlakehouse.lakewriter.transform.KafkaColumns.value;
import static org.apache.spark.sql.functions.asc;

import io.netflixlakehouse.lakewriter.schema.TopicSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** netflix.titles.raw.v1 -> bronze_titles: every raw record once, with flattened lineage and its Kafka coordinates. */
public final class BronzeTitles {

    /** The value schema of the topic. */
    public static final StructType VALUE_SCHEMA = TopicSchemas.RAW_RECORD;

    private BronzeTitles() {
    }

    /** The bronze rows of the well-formed rows of a parsed batch ({@link KafkaColumns#parse}). */
    public static Dataset<Row> fromParsed(Dataset<Row> parsed) {
        List<Column> columns = new ArrayList<>(List.of(
                value("id").as("record_id"),
                value("dataset").as("dataset"),
                value("key").as("key"),
                value("fields").as("fields")));
        columns.addAll(LineageColumns.of(true));
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

    /** One row per record_id: the first delivery (lowest partition/offset) wins. */
    public static Dataset<Row> dedupe(Dataset<Row> bronze) {
        return Dedupe.firstPerKey(bronze, "record_id", asc("kafka_partition"), asc("kafka_offset"));
    }

    /** Over a parsed batch: the rows {@link #fromParsed} keeps. */
    public static Column wellFormed() {
        return value("id").isNotNull();
    }
}
