package io.netflixlakehouse.ingest.domain;

/**
 * A dataset: which landed files belong to it, which column keys its records, where they go.
 *
 * @param name dataset name, written into every record (e.g. {@code titles})
 * @param glob glob over the path relative to the landing root; a leading {@code **}{@code /} also matches no folder
 * @param keyColumn the column whose value is the record key and the Kafka key
 * @param topic the Kafka topic of the dataset's raw records
 */
public record DatasetSpec(String name, String glob, String keyColumn, String topic) {
}
