package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.contracts.serde.ContractSerdes;
import io.netflixlakehouse.curation.domain.GoldContribution;
import io.netflixlakehouse.curation.domain.GoldTotals;
import io.netflixlakehouse.curation.domain.TitleContributions;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every serde of the topology, given explicitly to each step (no default serdes are configured).
 *
 * @param key keys: show_id, {@code showId|country} and group keys are all strings
 * @param validated input records
 * @param curated silver records
 * @param gold gold records
 * @param contribution internal: one title's contribution to one group
 * @param titleContributions internal: what a title contributed last time
 * @param totals internal: a group's running totals
 */
public record CurationSerdes(
        Serde<String> key,
        Serde<ValidatedRecord> validated,
        Serde<CuratedTitle> curated,
        Serde<GoldTitleAggregate> gold,
        Serde<GoldContribution> contribution,
        Serde<TitleContributions> titleContributions,
        Serde<GoldTotals> totals) {

    /** JSON for every value, through the contracts' one ObjectMapper. */
    public static CurationSerdes json() {
        return new CurationSerdes(
                Serdes.String(),
                ContractSerdes.validatedRecord(),
                ContractSerdes.curatedTitle(),
                ContractSerdes.goldTitleAggregate(),
                ContractSerdes.json(GoldContribution.class),
                ContractSerdes.json(TitleContributions.class),
                ContractSerdes.json(GoldTotals.class));
    }
}
