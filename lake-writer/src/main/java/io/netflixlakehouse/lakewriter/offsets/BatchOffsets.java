package io.netflixlakehouse.lakewriter.offsets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The end offsets of a micro-batch of Spark's Kafka source. */
public final class BatchOffsets {

    private BatchOffsets() {
    }

    /**
     * Per partition present in {@code kafkaBatch} (columns {@code partition}, {@code offset}), its
     * highest offset + 1: the next offset to read, as Kafka commits it.
     */
    public static SortedMap<Integer, Long> endOffsets(Dataset<Row> kafkaBatch) {
        SortedMap<Integer, Long> ends = new TreeMap<>();
        for (Row row : kafkaBatch.groupBy(col("partition")).agg(max(col("offset")).as("max_offset")).collectAsList()) {
            ends.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).longValue() + 1);
        }
        return ends;
    }
}
