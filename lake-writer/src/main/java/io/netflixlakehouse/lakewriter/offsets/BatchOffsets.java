package io.netflixlakehouse.lakewriter.offsets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The end offsets of a micro-batch.
 *
 * @param ends per partition present in the batch, its highest offset + 1: the next offset to read, as Kafka
 *     commits it
 */
public record BatchOffsets(SortedMap<Integer, Long> ends) {

    public BatchOffsets {
        ends = Collections.unmodifiableSortedMap(new TreeMap<>(ends));
    }

    /**
     * One aggregation over {@code batch}: per {@code partition} the highest {@code offset}. It reads only the
     * two columns, so on a Kafka batch no value is parsed.
     */
    public static BatchOffsets of(Dataset<Row> batch, String partition, String offset) {
        SortedMap<Integer, Long> ends = new TreeMap<>();
        for (Row row : batch.groupBy(col(partition)).agg(max(col(offset))).collectAsList()) {
            ends.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).longValue() + 1);
        }
        return new BatchOffsets(ends);
    }
}
