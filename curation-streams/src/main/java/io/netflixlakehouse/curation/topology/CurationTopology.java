package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.curation.domain.GoldTotals;
import io.netflixlakehouse.curation.domain.TitleCurator;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the curation topology: validated titles to silver titles, and silver titles to the gold
 * changelog per (type, content age, country). The application and the tests call {@link #build}.
 *
 * <p>Gold stays right when a title is updated, moved, deleted or replayed: the title-contributions
 * step keeps what each title contributed last time and sends, per group it touches, the delta of
 * taking that back and adding the new contribution (nothing for an identical replay); the group
 * aggregate adds the deltas. Every stateful step and store is named, so the internal topics keep
 * their names across releases: {@code <application.id>-}{@value #TITLE_CONTRIBUTIONS_STORE}{@code -changelog},
 * {@value #GROUPS_REPARTITION}{@code -repartition} and {@value #GOLD_STORE}{@code -changelog}.
 */
public final class CurationTopology {

    /** show_id to what the title contributed to gold last time. */
    public static final String TITLE_CONTRIBUTIONS_STORE = "curation-title-contributions";
    /** Repartition of the deltas by gold group key. */
    public static final String GROUPS_REPARTITION = "curation-gold-groups";
    /** Group key to running totals. */
    public static final String GOLD_STORE = "curation-gold-totals";

    private CurationTopology() {
    }

    /** The production topology: every store is a persistent (RocksDB) store with a changelog. */
    public static Topology build(CurationTopics topics, CurationSerdes serdes) {
        return build(topics, serdes, Stores::persistentKeyValueStore);
    }

    /**
     * The same topology with the stores made by {@code storeSupplier} (store name to supplier), e.g.
     * {@link Stores#inMemoryKeyValueStore} for a test that pipes thousands of records through a
     * driver that flushes RocksDB after each one.
     */
    public static Topology build(CurationTopics topics, CurationSerdes serdes,
            Function<String, KeyValueBytesStoreSupplier> storeSupplier) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                storeSupplier.apply(TITLE_CONTRIBUTIONS_STORE), serdes.key(), serdes.titleContribution()));

        KStream<String, CuratedTitle> curated = builder
                .stream(topics.validated(), Consumed.with(serdes.key(), serdes.validated()).withName("validated-source"))
                // A deleted validated title (tombstone) deletes the curated title and its gold contributions.
                .mapValues(validated -> validated == null ? null : TitleCurator.curate(validated), Named.as("curate-title"));
        curated.to(topics.curated(), Produced.with(serdes.key(), serdes.curated()).withName("curated-sink"));

        curated
                .process(() -> new TitleContributionProcessor(TITLE_CONTRIBUTIONS_STORE),
                        Named.as("title-contributions"), TITLE_CONTRIBUTIONS_STORE)
                .repartition(Repartitioned.with(serdes.key(), serdes.delta()).withName(GROUPS_REPARTITION))
                .groupByKey(Grouped.with(serdes.key(), serdes.delta()))
                // Zero-count totals stay in the store; the gold record step turns them into a tombstone.
                .aggregate(
                        () -> GoldTotals.EMPTY,
                        (groupKey, delta, totals) -> totals.plus(delta),
                        Named.as("gold-aggregate"),
                        Materialized.<String, GoldTotals>as(storeSupplier.apply(GOLD_STORE))
                                .withKeySerde(serdes.key())
                                .withValueSerde(serdes.totals()))
                .toStream(Named.as("gold-changes"))
                .processValues(GoldRecordProcessor::new, Named.as("gold-record"))
                .to(topics.gold(), Produced.with(serdes.key(), serdes.gold()).withName("gold-sink"));

        return builder.build();
    }
}
