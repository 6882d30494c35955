package io.netflixlakehouse.lakewriter.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.udf;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of Spark's Kafka source ({@code key, value, topic, partition, offset, ...}) and their
 * parsing into the topic's record. Key and value may be binary (Kafka) or string (file replays
 * in tests): both are cast to string.
 */
public final class KafkaColumns {

    /** Parsed value struct. */
    public static final String VALUE = "v";
    public static final String KEY = "kafka_key";
    /** True when the Kafka value is null (a tombstone). */
    public static final String TOMBSTONE = "kafka_tombstone";
    public static final String TOPIC = "kafka_topic";
    public static final String PARTITION = "kafka_partition";
    public static final String OFFSET = "kafka_offset";

    /** The columns of Spark's Kafka source that the lake-writer reads. */
    public static final StructType SOURCE_SCHEMA = new StructType(new StructField[] {
        new StructField("key", DataTypes.BinaryType, true, Metadata.empty()),
        new StructField("value", DataTypes.BinaryType, true, Metadata.empty()),
        new StructField("topic", DataTypes.StringType, true, Metadata.empty()),
        new StructField("partition", DataTypes.IntegerType, true, Metadata.empty()),
        new StructField("offset", DataTypes.LongType, true, Metadata.empty()),
    });

    private static final Map<String, String> JSON_OPTIONS = Map.of("mode", "PERMISSIVE");

    /**
     * The value as it is, through a function the optimizer must not move or copy (nondeterministic): the filters
     * over a parsed batch (well-formed rows, the FAIL policy's check) stay above the parse. Spark otherwise pushes
     * each filter below the projection that parses, rewriting its {@code v.id} into a second {@code from_json} of
     * the same value: every value was parsed twice, once for the filter and once for the columns.
     */
    private static final UserDefinedFunction PARSE_ONCE =
            udf((UDF1<byte[], byte[]>) bytes -> bytes, DataTypes.BinaryType).asNondeterministic();

    private KafkaColumns() {
    }

    /** {@code kafka} with the value parsed into {@link #VALUE} and the Kafka coordinates renamed. */
    public static Dataset<Row> parse(Dataset<Row> kafka, StructType valueSchema) {
        Column value = PARSE_ONCE.apply(col("value").cast("binary")).cast("string");
        return kafka.select(
                col("key").cast("string").as(KEY),
                col("value").isNull().as(TOMBSTONE),
                from_json(value, valueSchema, JSON_OPTIONS).as(VALUE),
                col("topic").as(TOPIC),
                col("partition").cast("int").as(PARTITION),
                col("offset").cast("long").as(OFFSET));
    }

    /** A field of the parsed value. */
    public static Column value(String field) {
        return col(VALUE + "." + field);
    }

    /** A field of the parsed value's lineage. */
    public static Column lineage(String field) {
        return col(VALUE + ".lineage." + field);
    }

    /** {@code kafka_topic, kafka_partition, kafka_offset}. */
    public static Column[] coordinates() {
        return new Column[] {col(TOPIC), col(PARTITION), col(OFFSET)};
    }
}
