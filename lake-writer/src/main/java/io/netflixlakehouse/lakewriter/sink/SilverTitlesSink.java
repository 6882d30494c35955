package io.netflixlakehouse.lakewriter.sink;

import io.delta.tables.DeltaTable;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.transform.SilverTitles;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * MERGE by show_id where the latest version wins: the batch is reduced to its latest version per
 * show, which updates the row only when it is not older than the row's version.
 */
public final class SilverTitlesSink implements TableSink {

    @Override
    public LakeTable table() {
        return LakeTable.SILVER_TITLES;
    }

    @Override
    public StructType tableSchema(SparkSession spark) {
        return DeltaTables.schemaOf(spark, SilverTitles::fromKafka);
    }

    @Override
    public void write(Dataset<Row> rows, Path lakeRoot) {
        Path path = table().path(lakeRoot);
        DeltaTables.withSourcePersisted(SilverTitles.latestPerShow(rows), source -> {
            DeltaTable target = DeltaTables.forPath(rows.sparkSession(), path);
            if (DeltaTables.noKeyIn(target, source, "show_id")) {
                DeltaTables.append(source, path);
                return;
            }
            target.as("t")
                    .merge(source.as("s"), "t.show_id = s.show_id")
                    .whenMatched(SilverTitles.sourceNotOlderCondition())
                    .updateAll()
                    .whenNotMatched()
                    .insertAll()
                    .execute();
        });
    }
}
