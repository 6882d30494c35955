package io.netflixlakehouse.benchmark.jmh;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.JsonDeserializer;
import io.netflixlakehouse.contracts.serde.JsonSerializer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The contracts' JSON serdes on RawRecord, the record every title passes through first: one operation writes (or
 * reads) one record of the Kaggle file, cycling through all of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerialisationBenchmark {

    RawRecord[] records;
    byte[][] serialised;
    JsonSerializer<RawRecord> serializer;
    JsonDeserializer<RawRecord> deserializer;
    int next;

    @Setup
    public void setUp() {
        records = TitlesInput.rawRecords(TitlesInput.csvBytes()).toArray(RawRecord[]::new);
        serializer = new JsonSerializer<>();
        deserializer = new JsonDeserializer<>(RawRecord.class);
        serialised = new byte[records.length][];
        for (int i = 0; i < records.length; i++) {
            serialised[i] = serializer.serialize(Topics.TITLES_RAW, records[i]);
        }
    }

    @Benchmark
    public byte[] serialiseRawRecord() {
        RawRecord record = records[next];
        next = next + 1 == records.length ? 0 : next + 1;
        return serializer.serialize(Topics.TITLES_RAW, record);
    }

    @Benchmark
    public RawRecord deserialiseRawRecord() {
        byte[] bytes = serialised[next];
        next = next + 1 == serialised.length ? 0 : next + 1;
        return deserializer.deserialize(Topics.TITLES_RAW, bytes);
    }
}
