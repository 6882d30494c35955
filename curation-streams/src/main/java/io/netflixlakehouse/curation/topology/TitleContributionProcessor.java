package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.curation.domain.GoldContribution;
import io.netflixlakehouse.curation.domain.GoldContributions;
import io.netflixlakehouse.curation.domain.TitleContributions;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Turns each curated title (key show_id) into its gold contributions keyed {@code showId|country},
 * plus a tombstone for every country the title contributed to last time but no longer lists. A
 * deleted title (null value) withdraws all its contributions.
 *
 * <p>Policy for a title without a key ({@code KEYLESS_TITLE}): it cannot be tracked or withdrawn
 * later, so it is left out of gold (it is still written to silver) and a warning names the record.
 */
final class TitleContributionProcessor implements Processor<String, CuratedTitle, String, GoldContribution> {

    static final String KEYLESS_TITLE = "KEYLESS_TITLE";

    private static final Logger LOG = Logger.getLogger(TitleContributionProcessor.class);

    private final String storeName;
    private ProcessorContext<String, GoldContribution> context;
    private KeyValueStore<String, TitleContributions> lastContributions;

    TitleContributionProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, GoldContribution> context) {
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
        Map<String, GoldContribution> current = record.value() == null ? Map.of() : GoldContributions.of(record.value());
        TitleContributions previous = lastContributions.get(showId);
        if (previous != null) {
            for (String country : previous.countriesWithdrawnBy(current)) {
                context.forward(record.withKey(GoldContributions.contributionKey(showId, country)).withValue(null));
            }
        }
        current.forEach((country, contribution) ->
                context.forward(record.withKey(GoldContributions.contributionKey(showId, country)).withValue(contribution)));
        if (current.isEmpty()) {
            lastContributions.delete(showId);
        } else {
            lastContributions.put(showId, TitleContributions.of(current));
        }
    }
}
