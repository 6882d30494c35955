package io.netflixlakehouse.lakewriter.offsets;

import java.util.SortedMap;

/** Told after a micro-batch is committed to its Delta table. */
@FunctionalInterface
public interface BatchCommitListener {

    /** Micro-batch {@code batchId} is in the table; {@code endOffsets} are its next offsets to read per partition. */
    void batchCommitted(long batchId, SortedMap<Integer, Long> endOffsets);
}
