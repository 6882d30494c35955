package io.netflixlakehouse.lakewriter.sink;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.transform.SilverTitles;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * MERGE by show_id where the latest version wins: the batch is reduced to its latest version per
 * show, which updates the row only when it is not older than the row's version. A batch of titles new to the
 * table, each once ({@link KeyIndex}), is appended: the rows the MERGE would insert, without the reduction's shuffle
 * and the MERGE's join.
 */
public final class SilverTitlesSink implements TableSink {

    private final KeyIndex showIds = new KeyIndex("show_id");

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
        DeltaTables.withSourcePersisted(rows, batch -> showIds.write(batch, path,
                // the MERGE reads its source twice: the reduced batch is persisted too
                () -> DeltaTables.withSourcePersisted(SilverTitles.latestPerShow(batch), source ->
                        DeltaTables.forPath(rows.sparkSession(), path).as("t")
                                .merge(source.as("s"), "t.show_id = s.show_id")
                                .whenMatched(SilverTitles.sourceNotOlderCondition())
                                .updateAll()
                                .whenNotMatched()
                                .insertAll()
                                .execute())));
    }
}
