package io.netflixlakehouse.ingest.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What to do with a column that a file's header has and the dataset's schema does not (Auto Loader's
 * {@code cloudFiles.schemaEvolutionMode}). Columns of the schema missing from a file are null in every mode.
 */
public enum EvolutionMode {
    /** Record the new columns in the dataset's schema history, then publish them as ordinary fields. */
    ADD_NEW_COLUMNS("addNewColumns"),
    /** Keep the schema; the new columns' values go into {@code _rescued_data}. */
    RESCUE("rescue"),
    /** Fail the file (nothing published) and stop the dataset until the spec is changed and the service restarted. */
    FAIL_ON_NEW_COLUMNS("failOnNewColumns"),
    /** Keep the schema and ignore the new columns' values. */
    NONE("none");

    private final String specName;

    EvolutionMode(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static EvolutionMode parse(String name) {
        return Arrays.stream(values()).filter(mode -> mode.specName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode '" + name + "' (expected one of "
                        + Arrays.stream(values()).map(EvolutionMode::specName).collect(Collectors.joining(", ")) + ")"));
    }
}
