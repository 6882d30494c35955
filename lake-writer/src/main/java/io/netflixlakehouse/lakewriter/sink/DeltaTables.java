package io.netflixlakehouse.lakewriter.sink;

import io.delta.tables.DeltaTable;
import io.netflixlakehouse.lakewriter.transform.KafkaColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Option;

/** Small helpers around Delta tables addressed by path. */
public final class DeltaTables {

    private DeltaTables() {
    }

    /** Whether {@code path} holds a Delta table (has a {@code _delta_log}). */
    public static boolean exists(Path path) {
        return Files.isDirectory(path.resolve("_delta_log"));
    }

    /** Creates an empty Delta table with {@code schema} at {@code path} unless one is there. */
    public static void createIfNotExists(SparkSession spark, Path path, StructType schema) {
        DeltaTable.createIfNotExists(spark).location(uri(path)).addColumns(schema).execute();
    }

    /** The table at {@code path}. */
    public static DeltaTable forPath(SparkSession spark, Path path) {
        return DeltaTable.forPath(spark, uri(path));
    }

    /** The table as a DataFrame. */
    public static Dataset<Row> read(SparkSession spark, Path path) {
        return spark.read().format("delta").load(uri(path));
    }

    /** The schema a transform gives to an empty Kafka batch: the table's columns, with no duplication. */
    public static StructType schemaOf(SparkSession spark, UnaryOperator<Dataset<Row>> transform) {
        Dataset<Row> empty = spark.createDataFrame(List.<Row>of(), KafkaColumns.SOURCE_SCHEMA);
        return transform.apply(empty).schema();
    }

    /** {@code column -> s.column} for every column: explicit MERGE assignments. */
    public static Map<String, String> fromSource(StructType schema) {
        Map<String, String> assignments = new LinkedHashMap<>();
        for (StructField field : schema.fields()) {
            assignments.put(quote(field.name()), "s." + quote(field.name()));
        }
        return assignments;
    }

    /**
     * Runs {@code merge} on {@code source} kept in memory (spilling to disk) for its duration: a MERGE with
     * matched clauses reads its source twice (to find the touched files, then to write), and the source of a
     * micro-batch would otherwise be read from Kafka, parsed and reduced twice ({@link KeyIndex} reads its keys
     * before the write, too).
     */
    static void withSourcePersisted(Dataset<Row> source, Consumer<Dataset<Row>> merge) {
        Dataset<Row> persisted = source.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            merge.accept(persisted);
        } finally {
            persisted.unpersist();
        }
    }

    /** The table as it was at {@code version}. */
    static Dataset<Row> readVersion(SparkSession spark, Path path, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(uri(path));
    }

    /** The table's latest version, from a listing of its log (no Spark job). */
    static long latestVersion(SparkSession spark, Path path) {
        return DeltaLog.forTable(spark, uri(path)).update(false, Option.<Object>empty(), Option.<CatalogTable>empty())
                .version();
    }

    /** The version of the table this JVM last read or committed (after a commit: that commit's), without I/O. */
    static long knownVersion(SparkSession spark, Path path) {
        return DeltaLog.forTable(spark, uri(path)).unsafeVolatileSnapshot().version();
    }

    /** Appends {@code rows} to the table at {@code path}, its columns matched by name. */
    static void append(Dataset<Row> rows, Path path) {
        rows.write().format("delta").mode("append").save(uri(path));
    }

    static String uri(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static String quote(String name) {
        return '`' + name + '`';
    }
}
