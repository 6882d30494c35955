package io.netflixlakehouse.lakewriter.sink;

import io.delta.tables.DeltaTable;
import io.netflixlakehouse.lakewriter.transform.KafkaColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.FileAction;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Small helpers around Delta tables addressed by path. */
public final class DeltaTables {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaTables.class);

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
     * micro-batch would otherwise be read from Kafka, parsed and reduced twice.
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

    /**
     * Writes {@code rows} as data files of the table at {@code path} and commits nothing yet: the caller then
     * commits them as one append, or discards them; until the commit no reader sees them. The table's invariants
     * are checked as the files are written. Empty when the rows' columns are not the table's (names, order and
     * types): such rows go through {@link #append}, whose schema check reports the difference.
     */
    static Optional<StagedAppend> stageAppend(Dataset<Row> rows, Path path) {
        DeltaLog log = DeltaLog.forTable(rows.sparkSession(), uri(path));
        OptimisticTransaction txn = log.startTransaction();
        if (!rows.schema().asNullable().equals(txn.metadata().schema().asNullable())) {
            return Optional.empty();
        }
        return Optional.of(new StagedAppend(log, txn, txn.writeFiles(rows)));
    }

    /** Data files written into a table by {@link #stageAppend}, not committed. */
    static final class StagedAppend {

        private final DeltaLog log;
        private final OptimisticTransaction txn;
        private final Seq<FileAction> files;

        private StagedAppend(DeltaLog log, OptimisticTransaction txn, Seq<FileAction> files) {
            this.log = log;
            this.txn = txn;
            this.files = files;
        }

        /** The table version the append was staged on. */
        long readVersion() {
            return txn.readVersion();
        }

        /** Commits the files as one append (what {@link #append} commits); returns the new table version. */
        long commit() {
            return txn.commit(CollectionConverters.asScala(CollectionConverters.asJava(files).stream()
                            .<Action>map(file -> file).toList()).toSeq(),
                    new DeltaOperations.Write(SaveMode.Append, Option.empty(), Option.empty(), Option.empty()));
        }

        /**
         * Deletes the files: the table never referenced them. One that cannot be deleted is an orphan no reader
         * sees, which {@code VACUUM} removes; it is logged.
         */
        void discard() {
            for (FileAction file : CollectionConverters.asJava(files)) {
                org.apache.hadoop.fs.Path data = ((AddFile) file).absolutePath(log);
                try {
                    data.getFileSystem(log.newDeltaHadoopConf()).delete(data, false);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("reason=STAGED_FILE_NOT_DELETED file={} error={}", data, e.toString());
                }
            }
        }
    }

    static String uri(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static String quote(String name) {
        return '`' + name + '`';
    }
}
