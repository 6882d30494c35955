package io.netflixlakehouse.benchmark.jmh;

import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.ingest.config.DatasetSpecs;
import io.netflixlakehouse.ingest.domain.CsvRecordReader;
import io.netflixlakehouse.ingest.domain.DatasetSpec;
import io.netflixlakehouse.ingest.domain.FileSchema;
import io.netflixlakehouse.ingest.domain.RecordContext;
import io.netflixlakehouse.ingest.domain.SchemaHistory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The micro-benchmarks' input: the shipped Kaggle titles file (system property {@code bench.csv}, default
 * {@code data/kaggle/netflix_titles.csv} under the working folder), as bytes and as the raw records the
 * ingest-service makes of it.
 */
final class TitlesInput {

    static final String CSV_PROPERTY = "bench.csv";
    static final String DEFAULT_CSV = "data/kaggle/netflix_titles.csv";

    private TitlesInput() {
    }

    static Path csvPath() {
        return Path.of(System.getProperty(CSV_PROPERTY, DEFAULT_CSV));
    }

    static byte[] csvBytes() {
        try {
            return Files.readAllBytes(csvPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csvPath().toAbsolutePath()
                    + " (run from the repository root or set -D" + CSV_PROPERTY + ")", e);
        }
    }

    /** The ingest-service's built-in {@code titles} dataset spec (CSV options and type hints), as the service loads it. */
    static RecordContext context() {
        DatasetSpec titles = new DatasetSpecs().load(null).stream()
                .filter(spec -> spec.name().equals("titles")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no built-in titles dataset spec"));
        return new RecordContext(titles, "file:///bench/netflix_titles.csv", "etag-bench", "event-bench",
                Instant.parse("2026-01-01T00:00:00Z"), Clock.systemUTC());
    }

    /** Plans each file's header against the dataset's schema, as the service's FileIngestion does. */
    static CsvRecordReader.HeaderHandler headerPlanner(RecordContext context) {
        DatasetSpec spec = context.dataset();
        List<String> known = new SchemaHistory().columns(spec);
        return (header, line) -> FileSchema.plan(spec, known, header, line);
    }

    static List<RawRecord> rawRecords(byte[] csv) {
        List<RawRecord> records = new ArrayList<>();
        try {
            RecordContext context = context();
            new CsvRecordReader().read(new ByteArrayInputStream(csv), context, headerPlanner(context), records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
