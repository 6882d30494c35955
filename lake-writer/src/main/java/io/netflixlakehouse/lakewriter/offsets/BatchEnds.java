package io.netflixlakehouse.lakewriter.offsets;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a micro-batch's end offsets come from. */
@FunctionalInterface
public interface BatchEnds {

    /** The end offsets of {@code batch}, the micro-batch {@code batchId}; empty when it reads nothing new. */
    Optional<BatchOffsets> of(Dataset<Row> batch, long batchId);

    /** An aggregation over the batch's Kafka coordinates: a Spark job, for batches run outside a query. */
    static BatchEnds aggregated() {
        return (batch, batchId) -> Optional.of(BatchOffsets.of(batch, "partition", "offset"))
                .filter(offsets -> !offsets.ends().isEmpty());
    }

    /**
     * The query's offset log in {@code checkpoint}: files read on the driver, no Spark job. A batch ending where
     * the one before it ended reads nothing new; the query's first batch (no entry before it, and Spark runs it
     * even when the topic is empty) asks the batch whether it has a record. A batch the log does not hold
     * (reason {@code OFFSET_LOG_MISSING}, logged at WARN) falls back to the aggregation.
     */
    static BatchEnds offsetLog(Path checkpoint, String topic) {
        Logger log = LoggerFactory.getLogger(BatchEnds.class);
        BatchEnds aggregated = aggregated();
        return (batch, batchId) -> {
            Optional<BatchOffsets> ends = BatchOffsets.fromOffsetLog(checkpoint, batchId, topic);
            if (ends.isEmpty()) {
                log.warn("reason=OFFSET_LOG_MISSING checkpoint={} batch={}: end offsets aggregated from the batch",
                        checkpoint, batchId);
                return aggregated.of(batch, batchId);
            }
            Optional<BatchOffsets> previous = batchId == 0
                    ? Optional.empty() : BatchOffsets.fromOffsetLog(checkpoint, batchId - 1, topic);
            boolean nothingNew = previous.isPresent() ? previous.equals(ends) : batch.isEmpty();
            return nothingNew ? Optional.empty() : ends;
        };
    }
}
