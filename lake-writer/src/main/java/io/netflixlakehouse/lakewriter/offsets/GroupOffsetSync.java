package io.netflixlakehouse.lakewriter.offsets;

import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each committed micro-batch: commits the offsets reached so far to the consumer group, then
 * records them in the ledger. A failed group commit (reason {@code GROUP_COMMIT_FAILED}) does not
 * fail the batch, which is already in the lake: it is logged at WARN and healed by the next batch,
 * which commits every partition's offset again; the ledger only ever records what the group holds.
 */
public final class GroupOffsetSync implements BatchCommitListener {

    private static final Logger LOG = LoggerFactory.getLogger(GroupOffsetSync.class);

    private final ConsumerGroupOffsets group;
    private final OffsetLedger ledger;
    private RecordedOffsets reached;

    /** Starts from {@code recorded}: what the ledger holds for the generation that runs. */
    public GroupOffsetSync(ConsumerGroupOffsets group, OffsetLedger ledger, RecordedOffsets recorded) {
        this.group = group;
        this.ledger = ledger;
        this.reached = recorded;
    }

    @Override
    public synchronized void batchCommitted(long batchId, SortedMap<Integer, Long> endOffsets) {
        if (endOffsets.isEmpty()) {
            return;
        }
        reached = reached.advancedBy(batchId, endOffsets);
        try {
            group.commit(reached.groupId(), reached.topic(), reached.offsets());
        } catch (RuntimeException e) {
            LOG.warn("reason=GROUP_COMMIT_FAILED topic={} group={} batch={} offsets={}: {}",
                    reached.topic(), reached.groupId(), batchId, reached.offsets(), e.getMessage());
            return;
        }
        ledger.write(reached);
    }
}
