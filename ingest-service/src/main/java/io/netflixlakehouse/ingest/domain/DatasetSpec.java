package io.netflixlakehouse.ingest.domain;

import java.util.List;
import java.util.Optional;

/**
 * A dataset, declared in one YAML file: which files belong to it, how they are written, its schema
 * (columns with type hints), which columns key its records, where they go, and its policies.
 *
 * @param name dataset name, written into every record (e.g. {@code titles})
 * @param source where its files are
 * @param csv how its files are written
 * @param columns the declared schema, in order; empty: the first file's header becomes the schema
 * @param keyColumns the columns whose values (joined by {@code |}) are the record key and the Kafka key
 * @param topic the Kafka topic of its raw records
 * @param evolution what to do with a column not in the schema
 * @param allowOverwrites whether a new version (eTag) of an already ingested blob is ingested again
 * @param origin where it was declared (file name), for messages
 */
public record DatasetSpec(
        String name,
        SourceSpec source,
        CsvOptions csv,
        List<ColumnHint> columns,
        List<String> keyColumns,
        String topic,
        EvolutionMode evolution,
        boolean allowOverwrites,
        String origin) {

    public DatasetSpec {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    /** A dataset with defaults: files matching {@code glob} at any depth of the landing root, CSV with a header, no hints. */
    public static DatasetSpec of(String name, String glob, String keyColumn, String topic) {
        return new DatasetSpec(name, new SourceSpec(SourceSpec.LANDING, "", glob), CsvOptions.DEFAULT, List.of(),
                List.of(keyColumn), topic, EvolutionMode.ADD_NEW_COLUMNS, false, "(code)");
    }

    public Optional<ColumnHint> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnHint::name).toList();
    }
}
