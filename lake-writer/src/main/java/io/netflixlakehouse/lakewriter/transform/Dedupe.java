package io.netflixlakehouse.lakewriter.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Keeps one row per key inside a micro-batch, so a MERGE never sees two source rows for one target row. */
public final class Dedupe {

    private static final String RANK = "__rank";

    private Dedupe() {
    }

    /** The first row per {@code key} in {@code ordering}; the ordering must be total for a deterministic pick. */
    public static Dataset<Row> firstPerKey(Dataset<Row> rows, String key, Column... ordering) {
        return rows.withColumn(RANK, row_number().over(Window.partitionBy(col(key)).orderBy(ordering)))
                .filter(col(RANK).equalTo(1))
                .drop(RANK);
    }
}
