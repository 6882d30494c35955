package io.netflixlakehouse.lakewriter.config;

import io.netflixlakehouse.contracts.Topics;
import java.nio.file.Path;

/**
 * The Delta tables of the lake: their SQL view name, folder under the lake root, source topic and whether a
 * micro-batch starts as soon as records arrive.
 */
public enum LakeTable {
    BRONZE_TITLES("bronze_titles", "bronze/titles", Topics.TITLES_RAW, false),
    SILVER_TITLES("silver_titles", "silver/titles", Topics.TITLES_CURATED, true),
    QUARANTINE_TITLES("quarantine_titles", "quarantine/titles", Topics.TITLES_QUARANTINE, true),
    GOLD_TITLES_BY_TYPE_AGE_COUNTRY("gold_titles_by_type_age_country", "gold/titles_by_type_age_country",
            Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, false),
    QUALITY_EVENTS("quality_events", "quality/events", Topics.QUALITY_EVENTS, false);

    private final String viewName;
    private final String relativePath;
    private final String topic;
    private final boolean eager;

    LakeTable(String viewName, String relativePath, String topic, boolean eager) {
        this.viewName = viewName;
        this.relativePath = relativePath;
        this.topic = topic;
        this.eager = eager;
    }

    /**
     * Whether every trigger that finds new records starts a micro-batch (silver, where a landed file's rows become
     * visible, and quarantine, where its rejected rows do). The other tables gather records into bigger batches
     * ({@link StreamSettings#minOffsetsPerTrigger}, {@link StreamSettings#maxTriggerDelay}): a MERGE's cost is
     * mostly per batch, and those batches would take the cores from the eager ones.
     */
    public boolean eager() {
        return eager;
    }

    /** Name of the temp view in {@code sql}, and of the table's folder under the checkpoint root. */
    public String viewName() {
        return viewName;
    }

    /** The topic the table is written from. */
    public String topic() {
        return topic;
    }

    /** Where the Delta table lives under {@code lakeRoot}. */
    public Path path(Path lakeRoot) {
        return lakeRoot.resolve(relativePath);
    }

    /** Where the table's streaming state (checkpoint generations, recorded group offsets) lives. */
    public Path checkpointDir(Path checkpointRoot) {
        return checkpointRoot.resolve(viewName);
    }
}
