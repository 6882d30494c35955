package io.netflixlakehouse.lakewriter.offsets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The end offsets of a micro-batch.
 *
 * @param ends per partition, the next offset to read, as Kafka commits it
 */
public record BatchOffsets(SortedMap<Integer, Long> ends) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BatchOffsets {
        ends = Collections.unmodifiableSortedMap(new TreeMap<>(ends));
    }

    /**
     * One aggregation over {@code batch}: per {@code partition} present in it, the highest {@code offset} + 1. It
     * reads only the two columns, so on a Kafka batch no value is parsed; it is still a Spark job that fetches
     * the batch from the broker.
     */
    public static BatchOffsets of(Dataset<Row> batch, String partition, String offset) {
        SortedMap<Integer, Long> ends = new TreeMap<>();
        for (Row row : batch.groupBy(col(partition)).agg(max(col(offset))).collectAsList()) {
            ends.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).longValue() + 1);
        }
        return new BatchOffsets(ends);
    }

    /**
     * The end offsets Spark planned for batch {@code batchId} of a query with one Kafka source, as its offset log
     * ({@code <checkpoint>/offsets/<batchId>}, written before the batch runs) holds them: every partition of
     * {@code topic}, past any transaction markers. Empty when the log has no such batch.
     *
     * @throws IllegalStateException when the file is not an offset log of {@code topic}
     */
    public static Optional<BatchOffsets> fromOffsetLog(Path checkpoint, long batchId, String topic) {
        Path file = checkpoint.resolve("offsets").resolve(Long.toString(batchId));
        try {
            return Optional.of(parseOffsetLog(Files.readString(file, StandardCharsets.UTF_8), topic));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the offset log " + file, e);
        }
    }

    /**
     * Parses an offset log entry: a version line ({@code v1}), a metadata line, then one line per source; the
     * Kafka source's is {@code {"topic":{"partition":offset,...}}}.
     */
    static BatchOffsets parseOffsetLog(String content, String topic) {
        String[] lines = content.split("\n");
        if (lines.length < 3 || !lines[0].startsWith("v")) {
            throw new IllegalStateException("not a Spark offset log entry (version, metadata, sources): " + content);
        }
        for (int i = 2; i < lines.length; i++) {
            JsonNode source;
            try {
                source = JSON.readTree(lines[i]);
            } catch (IOException e) {
                throw new IllegalStateException("the offset log's source line is not JSON: " + lines[i], e);
            }
            JsonNode partitions = source == null ? null : source.get(topic);
            if (partitions == null || !partitions.isObject()) {
                continue;
            }
            SortedMap<Integer, Long> ends = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = partitions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> partition = it.next();
                if (!partition.getValue().canConvertToLong()) {
                    throw new IllegalStateException("the offset log's offset of " + topic + " partition "
                            + partition.getKey() + " is not a number: " + partition.getValue());
                }
                ends.put(Integer.valueOf(partition.getKey()), partition.getValue().asLong());
            }
            return new BatchOffsets(ends);
        }
        throw new IllegalStateException("the offset log entry has no offsets of topic " + topic + ": " + content);
    }
}
