package io.netflixlakehouse.lakewriter.sink;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** An idempotent writer of one Delta table: writing the same rows twice leaves the table as after once. */
public interface TableSink {

    /** The table written. */
    LakeTable table();

    /** The table's columns. */
    StructType tableSchema(SparkSession spark);

    /** Creates the (empty) Delta table under {@code lakeRoot} when it does not exist yet. */
    default void ensureTable(SparkSession spark, Path lakeRoot) {
        DeltaTables.createIfNotExists(spark, table().path(lakeRoot), tableSchema(spark));
    }

    /** MERGEs the rows of one micro-batch (output of the table's transform) into the table. */
    void write(Dataset<Row> rows, Path lakeRoot);
}
