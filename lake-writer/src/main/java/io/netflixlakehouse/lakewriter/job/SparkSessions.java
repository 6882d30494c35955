package io.netflixlakehouse.lakewriter.job;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The one way the lake-writer (and its tests) build a Spark session with Delta. */
public final class SparkSessions {

    /**
     * Parquet column paths of the lake's growing tables (bronze, silver, quarantine) that hold about one distinct
     * value per record: ids, keys, positions, free text, and the raw fields' values. Parquet's dictionary encoding
     * would put every value of such a column's first page into a hash map, find the dictionary saves nothing and
     * write the page again plain: wasted CPU in every file (a micro-batch writes one file per task). These columns
     * are written plain from the start; every other column keeps the dictionary.
     */
    public static final List<String> PLAIN_ENCODED_COLUMNS = List.of(
            "record_id", "key", "show_id", "title", "short_title", "description",
            "record_number", "line_number", "kafka_offset", "fields.key_value.value");

    private SparkSessions() {
    }

    /**
     * A session on {@code master} with Delta's extension and catalog, UTC, two shuffle partitions, no UI, and the
     * {@link #PLAIN_ENCODED_COLUMNS} written without a dictionary.
     */
    public static SparkSession create(String master, String appName) {
        SparkSession.Builder builder = SparkSession.builder();
        // Parquet's per-column setting (key#column.path), passed to every writer through the Hadoop configuration
        PLAIN_ENCODED_COLUMNS.forEach(column -> builder.config("spark.hadoop.parquet.enable.dictionary#" + column, "false"));
        return builder
                .master(master)
                .appName(appName)
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                // small tables: few snapshot partitions keep every Delta commit fast
                .config("spark.databricks.delta.snapshotPartitions", "2")
                // a MERGE that reads its source twice gets it persisted by its sink; re-reading Kafka gives the
                // same rows, so Delta need not copy a source of its own
                .config("spark.databricks.delta.merge.materializeSource", "none")
                // the optional .crc file of each commit (table size and file count for validation): a file write
                // on every micro-batch of every table that nothing here reads
                .config("spark.databricks.delta.writeChecksumFile.enabled", "false")
                // a persisted micro-batch lives for one write: encoding its columns (dictionary, run length) cost
                // more CPU than its smaller size saves
                .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
                .config("spark.sql.streaming.stopTimeout", "60s")
                // pools of fairscheduler.xml: the eager tables' jobs take free cores before the bulk tables' jobs
                .config("spark.scheduler.mode", "FAIR")
                // five queries re-run the same plans every micro-batch: keep their generated classes (the default
                // cache of 100 evicted them; recompiling was a fifth of the CPU while small batches trickled in)
                .config("spark.sql.codegen.cache.maxEntries", "2000")
                .getOrCreate();
    }

    /**
     * A session for one-off queries over the lake (report, sql): tables of thousands of rows, where
     * compiling code for each plan costs more than it saves.
     */
    public static SparkSession createForQueries(String master, String appName) {
        SparkSession spark = create(master, appName);
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        spark.conf().set("spark.sql.adaptive.enabled", "false");
        return spark;
    }
}
