package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
import io.netflixlakehouse.contracts.event.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared values of the domain tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:31.001Z");
    static final Instant EVENT_TIME = Instant.parse("2026-11-25T10:15:30.123Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final DatasetSpec TITLES = DatasetSpec.of("titles", "**/*titles*.csv", "show_id", "netflix.titles.raw.v1");

    private Fixtures() {
    }

    static RecordContext context(String url) {
        return context(TITLES, url);
    }

    static RecordContext context(DatasetSpec spec, String url) {
        return new RecordContext(spec, url, "0xABC", "event-1", EVENT_TIME, CLOCK);
    }

    /** A built-in spec, parsed from src/main/resources/datasets. */
    static DatasetSpec builtIn(String name) {
        try {
            Path file = Path.of("src/main/resources/datasets/" + name + ".yaml");
            return new DatasetSpecParser().parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plans a header against the spec's declared columns (nothing recorded). */
    static CsvRecordReader.HeaderHandler declaredSchema(DatasetSpec spec) {
        return (header, line) -> FileSchema.plan(spec, spec.columnNames(), header, line);
    }

    /** Collects recorded schema changes. */
    static final class CollectingSchemaLog implements SchemaLog {
        final List<DatasetSchemaChanged> changes = new ArrayList<>();

        @Override
        public void record(DatasetSchemaChanged change) {
            changes.add(change);
        }
    }

    /** Collects what is published; acknowledges everything. */
    static final class CollectingSink implements RecordSink {
        final List<RawRecord> records = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        int flushes;

        @Override
        public void publish(DatasetSpec dataset, RawRecord record) {
            topics.add(dataset.topic());
            records.add(record);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    /** Refuses after {@code acceptBeforeFailing} records, like a sink whose Kafka acks failed. */
    static final class FailingSink implements RecordSink {
        private final int acceptBeforeFailing;
        int published;

        FailingSink(int acceptBeforeFailing) {
            this.acceptBeforeFailing = acceptBeforeFailing;
        }

        @Override
        public void publish(DatasetSpec dataset, RawRecord record) {
            if (published == acceptBeforeFailing) {
                throw new PublishFailed("broker gone", null);
            }
            published++;
        }

        @Override
        public void flush() {
            throw new PublishFailed("broker gone", null);
        }
    }
}
