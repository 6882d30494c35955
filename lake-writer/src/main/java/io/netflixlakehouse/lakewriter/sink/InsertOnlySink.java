package io.netflixlakehouse.lakewriter.sink;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.transform.BronzeTitles;
import io.netflixlakehouse.lakewriter.transform.QualityEvents;
import io.netflixlakehouse.lakewriter.transform.QuarantineTitles;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Insert-only MERGE on record_id (bronze, quarantine) or event_id (quality events): a row already in the table is
 * never touched again, so re-delivered and replayed records never duplicate. A batch of keys new to the table
 * ({@link KeyIndex}) is appended instead: the same rows, without the reduction to one row per key (a shuffle of
 * the batch) and the MERGE's join against the whole table.
 */
public final class InsertOnlySink implements TableSink {

    private final LakeTable table;
    private final UnaryOperator<Dataset<Row>> transform;
    private final UnaryOperator<Dataset<Row>> dedupe;
    private final String key;
    private final KeyIndex index;

    private InsertOnlySink(LakeTable table, UnaryOperator<Dataset<Row>> transform, UnaryOperator<Dataset<Row>> dedupe,
            String key) {
        this.table = table;
        this.transform = transform;
        this.dedupe = dedupe;
        this.key = key;
        this.index = new KeyIndex(key);
    }

    /** bronze_titles. */
    public static InsertOnlySink bronze() {
        return new InsertOnlySink(LakeTable.BRONZE_TITLES, BronzeTitles::fromKafka, BronzeTitles::dedupe, "record_id");
    }

    /** quarantine_titles. */
    public static InsertOnlySink quarantine() {
        return new InsertOnlySink(LakeTable.QUARANTINE_TITLES, QuarantineTitles::fromKafka, QuarantineTitles::dedupe,
                "record_id");
    }

    /** quality_events. */
    public static InsertOnlySink qualityEvents() {
        return new InsertOnlySink(LakeTable.QUALITY_EVENTS, QualityEvents::fromKafka, QualityEvents::dedupe, "event_id");
    }

    @Override
    public LakeTable table() {
        return table;
    }

    @Override
    public StructType tableSchema(SparkSession spark) {
        return DeltaTables.schemaOf(spark, transform);
    }

    @Override
    public void write(Dataset<Row> rows, Path lakeRoot) {
        Path path = table.path(lakeRoot);
        // an insert-only MERGE reads its source once: the reduction to one row per key need not be persisted
        DeltaTables.withSourcePersisted(rows, batch -> index.write(batch, path,
                () -> DeltaTables.forPath(rows.sparkSession(), path)
                        .as("t")
                        .merge(dedupe.apply(batch).as("s"), "t." + key + " = s." + key)
                        .whenNotMatched()
                        .insertAll()
                        .execute()));
    }
}
