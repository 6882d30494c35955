package io.netflixlakehouse.lakewriter.baseline;

import static io.netflixlakehouse.lakewriter.baseline.SilverExpressions.clean;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.sink.DeltaTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The pipeline's work as one Spark batch job, the yardstick of the benchmark: read the titles CSV, write bronze,
 * evaluate the quality-service's expectations as Spark SQL, write quarantine and silver (the curation rules as SQL,
 * one row per show_id) and gold (titles per type, content age and country). Tables go where the lake-writer keeps
 * them ({@link LakeTable}), overwritten.
 */
public final class BaselineJob {

    private final SparkSession spark;
    private final ExpectationRules rules;

    public BaselineJob(SparkSession spark, ExpectationRules rules) {
        this.spark = spark;
        this.rules = rules;
    }

    public BaselineResult run(Path csv, Path lakeRoot) {
        Map<String, Long> steps = new LinkedHashMap<>();
        String sourceUrl = csv.toAbsolutePath().normalize().toUri().toString();

        Dataset<Row> raw = spark.read()
                .option("header", "true")
                .option("multiLine", "true")
                .option("quote", "\"")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .csv(csv.toAbsolutePath().toString());
        // name the columns as the rules know them, whatever the header's spelling (a BOM, say)
        Dataset<Row> named = raw.toDF(rules.columns().subList(0, Math.min(rules.columns().size(),
                raw.columns().length)).toArray(String[]::new));
        List<Column> fieldPairs = new ArrayList<>();
        for (String column : rules.columns()) {
            fieldPairs.add(lit(column));
            fieldPairs.add(col(column));
        }
        // Spark reads a multi-line CSV as one task: the numbered rows are spread over the two cores from here on
        Dataset<Row> bronze = named
                .withColumn("record_number", expr("monotonically_increasing_id() + 1"))
                .repartition(2)
                .withColumn("record_id", expr("concat('" + sourceUrl + "#', record_number)"))
                .withColumn("fields", org.apache.spark.sql.functions.map(fieldPairs.toArray(Column[]::new)))
                .withColumn("source_url", lit(sourceUrl))
                .withColumn("ingested_at", expr("current_timestamp()"));
        Path bronzePath = LakeTable.BRONZE_TITLES.path(lakeRoot);
        long rows = timed(steps, "bronze", () -> {
            bronze.select("record_id", "fields", "source_url", "record_number", "ingested_at")
                    .write().format("delta").mode(SaveMode.Overwrite).save(bronzePath.toString());
            return DeltaTables.read(spark, bronzePath).count();
        });
        // the later steps read bronze back, as a medallion job does: the table, not a cache of the parse
        List<Column> flat = new ArrayList<>(List.of(col("record_id"), col("fields"), col("source_url"),
                col("record_number")));
        for (String column : rules.columns()) {
            flat.add(col("fields").getItem(column).as(column));
        }
        return afterBronze(DeltaTables.read(spark, bronzePath).select(flat.toArray(Column[]::new)), rows, lakeRoot,
                steps);
    }

    private BaselineResult afterBronze(Dataset<Row> bronze, long rows, Path lakeRoot, Map<String, Long> steps) {
        List<String> failed = new ArrayList<>();
        for (ExpectationRules.Rule rule : rules.rules()) {
            if (rule.quarantines()) {
                // a rule that is not true (false or unknown) fails, as in the quality-service
                failed.add("CASE WHEN coalesce((" + rule.expression() + "), false) THEN NULL ELSE '"
                        + rule.name() + "' END");
            }
        }
        Dataset<Row> checked = bronze
                .withColumn("reasons", expr("filter(array(" + String.join(", ", failed)
                        + "), r -> r IS NOT NULL)"));
        long quarantined = timed(steps, "quarantine", () -> {
            Dataset<Row> held = checked.filter("size(reasons) > 0")
                    .select("record_id", "fields", "reasons", "source_url", "record_number");
            held.write().format("delta").mode(SaveMode.Overwrite)
                    .save(LakeTable.QUARANTINE_TITLES.path(lakeRoot).toString());
            return DeltaTables.read(spark, LakeTable.QUARANTINE_TITLES.path(lakeRoot)).count();
        });
        long silver = timed(steps, "silver", () -> {
            silver(checked.filter("size(reasons) = 0")).write().format("delta").mode(SaveMode.Overwrite)
                    .save(LakeTable.SILVER_TITLES.path(lakeRoot).toString());
            return DeltaTables.read(spark, LakeTable.SILVER_TITLES.path(lakeRoot)).count();
        });
        long gold = timed(steps, "gold", () -> {
            gold(DeltaTables.read(spark, LakeTable.SILVER_TITLES.path(lakeRoot))).write().format("delta")
                    .mode(SaveMode.Overwrite)
                    .save(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY.path(lakeRoot).toString());
            return DeltaTables.read(spark, LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY.path(lakeRoot)).count();
        });
        return new BaselineResult(rows, quarantined, silver, gold, steps);
    }

    /** The curation rules, then one row per show_id: the highest record number wins. */
    static Dataset<Row> silver(Dataset<Row> valid) {
        Dataset<Row> curated = valid.selectExpr(
                "coalesce(" + clean("show_id") + ", record_id) AS show_id",
                "record_id",
                clean("type") + " AS type",
                SilverExpressions.typeFlag(clean("type")) + " AS type_flag",
                SilverExpressions.title("title") + " AS title",
                SilverExpressions.split("director") + " AS directors",
                SilverExpressions.split("cast") + " AS cast",
                SilverExpressions.split("country") + " AS countries",
                SilverExpressions.dateAdded("date_added") + " AS date_added",
                SilverExpressions.releaseYear("release_year") + " AS release_year",
                clean("rating") + " AS rating",
                SilverExpressions.durationNumber("duration", "min") + " AS duration_minutes",
                SilverExpressions.durationNumber("duration", "seasons?") + " AS duration_seasons",
                SilverExpressions.split("listed_in") + " AS listed_in",
                clean("description") + " AS description",
                "source_url",
                "record_number");
        return curated
                .selectExpr("*", SilverExpressions.head("title", ":") + " AS short_title",
                        SilverExpressions.head("rating", "-") + " AS rating_prefix",
                        "row_number() OVER (PARTITION BY show_id ORDER BY record_number DESC) AS version_rank")
                .filter("version_rank = 1")
                .drop("version_rank");
    }

    /** Titles per (type, content age, country): a title without a country counts under Unknown. */
    static Dataset<Row> gold(Dataset<Row> silver) {
        return silver
                .selectExpr("type",
                        "CASE WHEN release_year >= 2020 THEN 'Recent' WHEN release_year >= 2010 THEN 'Modern'"
                                + " ELSE 'Classic' END AS content_age_category",
                        "explode(CASE WHEN size(countries) = 0 THEN array('Unknown')"
                                + " ELSE array_distinct(countries) END) AS country",
                        "duration_minutes", "listed_in")
                .groupBy("type", "content_age_category", "country")
                .agg(expr("count(*) AS content_count"),
                        expr("avg(duration_minutes) AS avg_duration_minutes"),
                        expr("sum(duration_minutes) AS duration_minutes_sum"),
                        expr("count(duration_minutes) AS duration_minutes_count"),
                        expr("array_sort(array_distinct(flatten(collect_list(listed_in)))) AS genres"))
                .withColumn("group_key", expr("concat_ws('|', type, content_age_category, country)"));
    }

    private static long timed(Map<String, Long> steps, String step, Supplier<Long> work) {
        long start = System.nanoTime();
        long value = work.get();
        steps.put(step, (System.nanoTime() - start) / 1_000_000L);
        return value;
    }
}
