package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.curation.domain.GoldTotals;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Writes a group's totals as a gold record, or a tombstone once no title is left in the group.
 * The event time is the record timestamp of the change (the latest input that touched the group),
 * so re-reading the same input yields the same event times.
 */
final class GoldRecordProcessor implements FixedKeyProcessor<String, GoldTotals, GoldTitleAggregate> {

    private FixedKeyProcessorContext<String, GoldTitleAggregate> context;

    @Override
    public void init(FixedKeyProcessorContext<String, GoldTitleAggregate> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, GoldTotals> record) {
        GoldTotals totals = record.value();
        GoldTitleAggregate gold = totals == null || totals.hasNoTitles()
                ? null
                : totals.toAggregate(record.key(), Instant.ofEpochMilli(record.timestamp()));
        context.forward(record.withValue(gold));
    }
}
