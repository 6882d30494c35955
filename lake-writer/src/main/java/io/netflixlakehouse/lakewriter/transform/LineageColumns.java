package io.netflixlakehouse.lakewriter.transform;

import static io.netflixlakehouse.lakewriter.transform.KafkaColumns.lineage;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/** The record's lineage flattened into snake_case columns. */
final class LineageColumns {

    private LineageColumns() {
    }

    /** source_url, etag, record_number, line_number, blob_event_id, blob_event_time [, ingested_at]. */
    static List<Column> of(boolean withIngestedAt) {
        List<Column> columns = new ArrayList<>(List.of(
                lineage("sourceUrl").as("source_url"),
                lineage("eTag").as("etag"),
                lineage("recordNumber").as("record_number"),
                lineage("lineNumber").as("line_number"),
                lineage("blobEventId").as("blob_event_id"),
                lineage("blobEventTime").as("blob_event_time")));
        if (withIngestedAt) {
            columns.add(lineage("ingestedAt").as("ingested_at"));
        }
        return columns;
    }
}
