package io.netflixlakehouse.benchmark.jmh;

import io.netflixlakehouse.ingest.domain.CsvRecordReader;
import io.netflixlakehouse.ingest.domain.RecordContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV parse through the ingest-service's own code path ({@link CsvRecordReader}: BOM handling, its byte tokenizer, one
 * RawRecord with id and lineage per row). One operation parses the whole file; MB/s = ops/s x file size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsvParseBenchmark {

    byte[] csv;
    RecordContext context;
    CsvRecordReader reader;
    CsvRecordReader.HeaderHandler headerPlanner;

    @Setup
    public void setUp() {
        csv = TitlesInput.csvBytes();
        context = TitlesInput.context();
        reader = new CsvRecordReader();
        headerPlanner = TitlesInput.headerPlanner(context);
    }

    @Benchmark
    public Object parseFile(Blackhole hole) throws IOException {
        return reader.read(new ByteArrayInputStream(csv), context, headerPlanner, hole::consume);
    }
}
