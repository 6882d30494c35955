package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.curation.domain.GoldContributions;
import io.netflixlakehouse.curation.domain.GoldDelta;
import io.netflixlakehouse.curation.domain.TitleContribution;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Turns each curated title (key show_id) into the changes it makes to gold, keyed by group key:
 * what the title contributed last time (kept in the store) is taken back and what it contributes
 * now is added, one delta per group. A deleted title (null value) takes back all of it; a title
 * whose contribution did not change (an identical replay) sends nothing and leaves the store alone.
 *
 * <p>Policy for a title without a key ({@code KEYLESS_TITLE}): it cannot be tracked or withdrawn
 * later, so it is left out of gold (it is still written to silver) and a warning names the record.
 */
final class TitleContributionProcessor implements Processor<String, CuratedTitle, String, GoldDelta> {

    static final String KEYLESS_TITLE = "KEYLESS_TITLE";

    private static final Logger LOG = Logger.getLogger(TitleContributionProcessor.class);

    private final String storeName;
    private ProcessorContext<String, GoldDelta> context;
    private KeyValueStore<String, TitleContribution> lastContributions;

    TitleContributionProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, GoldDelta> context) {
        this.context = context;
        this.lastContributions = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, CuratedTitle> record) {
        String showId = record.key();
        if (showId == null) {
            LOG.warnf("reason=%s: curated title id=%s left out of gold", KEYLESS_TITLE,
                    record.value() == null ? null : record.value().id());
            return;
        }
        TitleContribution current = record.value() == null ? null : GoldContributions.of(record.value());
        TitleContribution previous = lastContributions.get(showId);
        if (Objects.equals(previous, current)) {
            return;
        }
        GoldContributions.deltas(previous, current).forEach((groupKey, delta) ->
                context.forward(record.withKey(groupKey).withValue(delta)));
        if (current == null) {
            lastContributions.delete(showId);
        } else {
            lastContributions.put(showId, current);
        }
    }
}
