package io.netflixlakehouse.lakewriter.sink;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.transform.GoldTitlesByTypeAgeCountry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Applies the gold changelog, one change per group_key ({@link GoldTitlesByTypeAgeCountry#fromKafka}): a
 * tombstone deletes the row, a value upserts it; a change not newer (by offset) than the row's is ignored, so a
 * replay never regresses the table.
 */
public final class GoldChangelogSink implements TableSink {

    @Override
    public LakeTable table() {
        return LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY;
    }

    @Override
    public StructType tableSchema(SparkSession spark) {
        StructType changes = DeltaTables.schemaOf(spark, GoldTitlesByTypeAgeCountry::fromKafka);
        return new StructType(Arrays.stream(changes.fields())
                .filter(f -> !f.name().equals(GoldTitlesByTypeAgeCountry.DELETED))
                .toArray(StructField[]::new));
    }

    @Override
    public void write(Dataset<Row> rows, Path lakeRoot) {
        Map<String, String> assignments = DeltaTables.fromSource(tableSchema(rows.sparkSession()));
        String newer = GoldTitlesByTypeAgeCountry.sourceNewerCondition();
        String deleted = "s." + GoldTitlesByTypeAgeCountry.DELETED;
        DeltaTables.withSourcePersisted(rows, source ->
                DeltaTables.forPath(rows.sparkSession(), table().path(lakeRoot))
                        .as("t")
                        .merge(source.as("s"), "t.group_key = s.group_key")
                        .whenMatched(deleted + " AND " + newer)
                        .delete()
                        .whenMatched("NOT " + deleted + " AND " + newer)
                        .updateExpr(assignments)
                        .whenNotMatched("NOT " + deleted)
                        .insertExpr(assignments)
                        .execute());
    }
}
