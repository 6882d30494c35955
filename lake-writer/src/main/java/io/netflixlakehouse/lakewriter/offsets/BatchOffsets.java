package io.netflixlakehouse.lakewriter.offsets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.max;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one pass over a micro-batch tells: its end offsets and how many of its rows are malformed.
 *
 * @param ends per partition present in the batch, its highest offset + 1: the next offset to read, as Kafka
 *     commits it
 * @param malformed rows of the batch that match the malformed condition
 */
public record BatchOffsets(SortedMap<Integer, Long> ends, long malformed) {

    public BatchOffsets {
        ends = Collections.unmodifiableSortedMap(new TreeMap<>(ends));
    }

    /**
     * One aggregation over {@code batch}: per {@code partition} the highest {@code offset}, and the rows where
     * {@code malformed} holds.
     */
    public static BatchOffsets of(Dataset<Row> batch, String partition, String offset, Column malformed) {
        SortedMap<Integer, Long> ends = new TreeMap<>();
        long malformedRows = 0;
        for (Row row : batch.groupBy(col(partition))
                .agg(max(col(offset)).as("max_offset"), count_if(malformed).as("malformed"))
                .collectAsList()) {
            ends.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).longValue() + 1);
            malformedRows += ((Number) row.get(2)).longValue();
        }
        return new BatchOffsets(ends, malformedRows);
    }
}
