package io.netflixlakehouse.contracts.serde;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of every record, for Kafka Streams and plain clients. Named (de)serializer classes for
 * SmallRye channel configuration are the nested classes, e.g.
 * {@code io.netflixlakehouse.contracts.serde.ContractSerdes$RawRecordDeserializer}.
 */
public final class ContractSerdes {

    private ContractSerdes() {
    }

    public static <T> Serde<T> json(Class<T> type) {
        return Serdes.serdeFrom(new JsonSerializer<>(), new JsonDeserializer<>(type));
    }

    public static Serde<BlobCreatedEvent> blobCreatedEvent() {
        return json(BlobCreatedEvent.class);
    }

    public static Serde<RawRecord> rawRecord() {
        return json(RawRecord.class);
    }

    public static Serde<ValidatedRecord> validatedRecord() {
        return json(ValidatedRecord.class);
    }

    public static Serde<QuarantineRecord> quarantineRecord() {
        return json(QuarantineRecord.class);
    }

    public static Serde<CuratedTitle> curatedTitle() {
        return json(CuratedTitle.class);
    }

    public static Serde<GoldTitleAggregate> goldTitleAggregate() {
        return json(GoldTitleAggregate.class);
    }

    public static Serde<FileIngested> fileIngested() {
        return json(FileIngested.class);
    }

    /** For SmallRye channel config. */
    public static final class BlobCreatedEventDeserializer extends JsonDeserializer<BlobCreatedEvent> {
        public BlobCreatedEventDeserializer() {
            super(BlobCreatedEvent.class);
        }
    }

    /** For SmallRye channel config. */
    public static final class RawRecordDeserializer extends JsonDeserializer<RawRecord> {
        public RawRecordDeserializer() {
            super(RawRecord.class);
        }
    }

    /** For SmallRye channel config. */
    public static final class ValidatedRecordDeserializer extends JsonDeserializer<ValidatedRecord> {
        public ValidatedRecordDeserializer() {
            super(ValidatedRecord.class);
        }
    }

    /** For SmallRye channel config. */
    public static final class QuarantineRecordDeserializer extends JsonDeserializer<QuarantineRecord> {
        public QuarantineRecordDeserializer() {
            super(QuarantineRecord.class);
        }
    }

    /** For SmallRye channel config. */
    public static final class CuratedTitleDeserializer extends JsonDeserializer<CuratedTitle> {
        public CuratedTitleDeserializer() {
            super(CuratedTitle.class);
        }
    }

    /** For SmallRye channel config. */
    public static final class FileIngestedDeserializer extends JsonDeserializer<FileIngested> {
        public FileIngestedDeserializer() {
            super(FileIngested.class);
        }
    }
}
