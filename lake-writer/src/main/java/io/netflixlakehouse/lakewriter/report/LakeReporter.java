package io.netflixlakehouse.lakewriter.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.job.TablePipeline;
import io.netflixlakehouse.lakewriter.report.LakeReport.Reconciliation;
import io.netflixlakehouse.lakewriter.report.LakeReport.TableSummary;
import io.netflixlakehouse.lakewriter.sink.DeltaTables;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Computes a {@link LakeReport} from the Delta tables under a lake root. */
public final class LakeReporter {

    private final SparkSession spark;

    public LakeReporter(SparkSession spark) {
        this.spark = spark;
    }

    /** Whether at least one of the lake's tables exists under {@code lakeRoot}. */
    public static boolean hasTables(Path lakeRoot) {
        return List.of(LakeTable.values()).stream().anyMatch(t -> DeltaTables.exists(t.path(lakeRoot)));
    }

    /** The report; a missing table is reported as empty with {@code exists=false}. */
    public LakeReport report(Path lakeRoot) {
        Map<LakeTable, Dataset<Row>> tables = new EnumMap<>(LakeTable.class);
        Map<String, TableSummary> summaries = new LinkedHashMap<>();
        for (LakeTable table : LakeTable.values()) {
            boolean exists = DeltaTables.exists(table.path(lakeRoot));
            Dataset<Row> rows = exists
                    ? DeltaTables.read(spark, table.path(lakeRoot))
                    : spark.createDataFrame(List.<Row>of(), TablePipeline.of(table).sink().tableSchema(spark));
            // not cached: each pass reads only the columns it needs from Parquet (the fingerprint all of them, the
            // reconciliation the ids), cheaper than copying every column of a million-row table into memory
            tables.put(table, rows);
            if (table != LakeTable.QUALITY_EVENTS) {
                // The event log grows with every judgement (a replay logs again): it is read for its release
                // markers, and is not one of the tables a replay must leave identical.
                summaries.put(table.viewName(), new TableSummary(exists, rows.count(), Fingerprints.of(rows)));
            }
        }
        Dataset<Row> bronze = tables.get(LakeTable.BRONZE_TITLES);
        Dataset<Row> silver = tables.get(LakeTable.SILVER_TITLES);
        Dataset<Row> quarantine = tables.get(LakeTable.QUARANTINE_TITLES);
        Dataset<Row> gold = tables.get(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY);
        Dataset<Row> released = tables.get(LakeTable.QUALITY_EVENTS)
                .filter(col("kind").equalTo(lit("RELEASED")))
                .select(explode(col("released_record_ids")).as("record_id"))
                .distinct();
        return new LakeReport(
                lakeRoot.toAbsolutePath().normalize().toString(),
                summaries,
                quarantineReasons(stillQuarantined(quarantine, released)),
                reconcile(bronze, silver, stillQuarantined(quarantine, released)),
                longOrZero(gold.agg(sum(col("content_count"))).first()),
                longOrZero(silver.agg(sum(greatest(
                        size(array_distinct(coalesce(col("countries"), array().cast("array<string>")))),
                        lit(1)))).first()));
    }

    /** Quarantine rows without the records a re-drive released (the quality log's RELEASED markers). */
    private static Dataset<Row> stillQuarantined(Dataset<Row> quarantine, Dataset<Row> released) {
        return quarantine.join(released, quarantine.col("record_id").equalTo(released.col("record_id")), "left_anti");
    }

    private static Map<String, Long> quarantineReasons(Dataset<Row> quarantine) {
        Map<String, Long> reasons = new TreeMap<>();
        quarantine.select(col("record_id"), explode(array_distinct(col("reasons"))).as("reason"))
                .groupBy(col("reason"))
                .agg(countDistinct(col("record_id")).as("records"))
                .collectAsList()
                .forEach(r -> reasons.put(r.getString(0), r.getLong(1)));
        return reasons;
    }

    private static Reconciliation reconcile(Dataset<Row> bronze, Dataset<Row> silver, Dataset<Row> quarantine) {
        Dataset<Row> bronzeIds = bronze.select(col("record_id")).distinct();
        Dataset<Row> silverIds = silver.select(col("record_id")).distinct();
        Dataset<Row> quarantineIds = quarantine.select(col("record_id")).distinct();
        return new Reconciliation(
                bronze.count(),
                bronzeIds.count(),
                silver.count(),
                silver.select(col("show_id")).distinct().count(),
                quarantineIds.count(),
                silverIds.join(quarantineIds, "record_id").count(),
                bronzeIds.join(silverIds, bronzeIds.col("record_id").equalTo(silverIds.col("record_id")), "left_anti")
                        .join(quarantineIds, bronzeIds.col("record_id").equalTo(quarantineIds.col("record_id")),
                                "left_anti")
                        .count());
    }

    private static long longOrZero(Row row) {
        return row.isNullAt(0) ? 0L : ((Number) row.get(0)).longValue();
    }
}
