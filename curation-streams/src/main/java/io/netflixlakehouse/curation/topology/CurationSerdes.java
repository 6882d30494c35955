package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.contracts.serde.ContractSerdes;
import io.netflixlakehouse.curation.domain.GoldDelta;
import io.netflixlakehouse.curation.domain.GoldTotals;
import io.netflixlakehouse.curation.domain.TitleContribution;
import io.netflixlakehouse.curation.serde.InternalSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every serde of the topology, given explicitly to each step (no default serdes are configured).
 *
 * @param key keys: show_id and group keys are strings
 * @param validated input records
 * @param curated silver records
 * @param gold gold records
 * @param titleContribution internal: what a title contributed last time
 * @param delta internal: one title change's effect on one group
 * @param totals internal: a group's running totals
 */
public record CurationSerdes(
        Serde<String> key,
        Serde<ValidatedRecord> validated,
        Serde<CuratedTitle> curated,
        Serde<GoldTitleAggregate> gold,
        Serde<TitleContribution> titleContribution,
        Serde<GoldDelta> delta,
        Serde<GoldTotals> totals) {

    /** The contracts' JSON on the public topics; the module's compact format for its stores and repartition topic. */
    public static CurationSerdes standard() {
        return new CurationSerdes(
                Serdes.String(),
                ContractSerdes.validatedRecord(),
                ContractSerdes.curatedTitle(),
                ContractSerdes.goldTitleAggregate(),
                InternalSerdes.titleContribution(),
                InternalSerdes.goldDelta(),
                InternalSerdes.goldTotals());
    }
}
