package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current schema of each dataset as recorded in its schema history (the compacted schemas
 * topic): filled at start-up from the topic, then kept current by each change this service records.
 * A dataset with no recorded change has the columns its spec declares. Thread-safe.
 */
public final class SchemaHistory {

    private final Map<String, DatasetSchemaChanged> latest = new ConcurrentHashMap<>();

    /** Takes a recorded version; an older version than the one held is ignored. */
    public void apply(DatasetSchemaChanged change) {
        latest.merge(change.dataset(), change, (held, next) -> next.version() >= held.version() ? next : held);
    }

    public Optional<DatasetSchemaChanged> latest(String dataset) {
        return Optional.ofNullable(latest.get(dataset));
    }

    /** The dataset's columns: the latest recorded version, else the spec's declared columns. */
    public List<String> columns(DatasetSpec spec) {
        DatasetSchemaChanged recorded = latest.get(spec.name());
        return recorded == null ? spec.columnNames() : recorded.columns();
    }

    /** The version number the next change of a dataset gets. */
    public int nextVersion(String dataset) {
        DatasetSchemaChanged recorded = latest.get(dataset);
        return recorded == null ? 1 : recorded.version() + 1;
    }
}
