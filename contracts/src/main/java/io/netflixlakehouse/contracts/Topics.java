package io.netflixlakehouse.contracts;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.DatasetSchemaChanged;
import io.netflixlakehouse.contracts.event.DeadLetter;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.FileProgress;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.QualityEvent;
import io.netflixlakehouse.contracts.event.QuarantineRecord;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic of the pipeline, named {@code <domain>.<entity>.<stage>.v<major>}.
 *
 * <p>Services bind channels to these names in configuration; the launcher and tests create them
 * from {@link #ALL}. A breaking change to a record is a new {@code .v2} topic, never an edit here.
 */
public final class Topics {

    /** BlobCreated events (Azure Event Grid schema), keyed by blob url. */
    public static final String BLOB_EVENTS = "netflix.blob.events.v1";

    /**
     * One manifest per ingested file version, keyed by file id (url + eTag): how many records it produced, or why it
     * failed. Compacted: the latest manifest of each file version is the ingest-service's durable ledger.
     */
    public static final String INGEST_FILES = "netflix.ingest.files.v1";

    /** Each dataset's schema history (keyed by dataset, compacted): the latest value is its current schema. */
    public static final String INGEST_SCHEMAS = "netflix.ingest.schemas.v1";

    /** How far each file version's records are committed (keyed by file id, compacted): where a restart resumes. */
    public static final String INGEST_PROGRESS = "netflix.ingest.progress.v1";

    /** Input that could not become records (bad event, unknown dataset, not CSV, broken row), with reason and line. */
    public static final String INGEST_DEAD_LETTER = "netflix.ingest.dead-letter.v1";

    /** Raw title records with lineage, keyed by show_id. */
    public static final String TITLES_RAW = "netflix.titles.raw.v1";

    /** Title records that passed every quarantine/drop expectation, keyed by show_id. */
    public static final String TITLES_VALIDATED = "netflix.titles.validated.v1";

    /** Title records that failed an expectation, with the rules and values, keyed by show_id. */
    public static final String TITLES_QUARANTINE = "netflix.titles.quarantine.v1";

    /** Cleaned and typed titles (silver), keyed by show_id. */
    public static final String TITLES_CURATED = "netflix.titles.curated.v1";

    /** Changelog of the gold aggregate per (type, content age, country); a null value deletes. */
    public static final String GOLD_TITLES_BY_TYPE_AGE_COUNTRY = "netflix.titles.gold-by-type-age-country.v1";

    /** Raw records of the lookup datasets (cast, category, countries, directors), keyed by show_id. */
    public static final String LOOKUPS_RAW = "netflix.lookups.raw.v1";

    /** Lookup records that passed their dataset's expectations, keyed by show_id. */
    public static final String LOOKUPS_VALIDATED = "netflix.lookups.validated.v1";

    /** Lookup records that failed an expectation, keyed by show_id. */
    public static final String LOOKUPS_QUARANTINE = "netflix.lookups.quarantine.v1";

    /** The quality event log: per-file, per-batch expectation counts, failed files and re-drive releases. */
    public static final String QUALITY_EVENTS = "netflix.quality.events.v1";

    /** Partitions are the unit of scale: every topic is created with at least this many. */
    public static final int DEFAULT_PARTITIONS = 3;

    /** Topics whose latest value per key is all that matters; created with cleanup.policy=compact. */
    public static final List<String> COMPACTED = List.of(GOLD_TITLES_BY_TYPE_AGE_COUNTRY, INGEST_FILES, INGEST_SCHEMAS, INGEST_PROGRESS);

    public static final List<String> ALL = List.of(
            BLOB_EVENTS,
            INGEST_FILES,
            INGEST_SCHEMAS,
            INGEST_PROGRESS,
            INGEST_DEAD_LETTER,
            TITLES_RAW,
            TITLES_VALIDATED,
            TITLES_QUARANTINE,
            TITLES_CURATED,
            GOLD_TITLES_BY_TYPE_AGE_COUNTRY,
            LOOKUPS_RAW,
            LOOKUPS_VALIDATED,
            LOOKUPS_QUARANTINE,
            QUALITY_EVENTS);

    /** The record type of each topic's values. */
    public static final Map<String, Class<?>> VALUE_TYPES = Map.ofEntries(
            Map.entry(BLOB_EVENTS, BlobCreatedEvent.class),
            Map.entry(INGEST_FILES, FileIngested.class),
            Map.entry(INGEST_SCHEMAS, DatasetSchemaChanged.class),
            Map.entry(INGEST_PROGRESS, FileProgress.class),
            Map.entry(INGEST_DEAD_LETTER, DeadLetter.class),
            Map.entry(TITLES_RAW, RawRecord.class),
            Map.entry(TITLES_VALIDATED, ValidatedRecord.class),
            Map.entry(TITLES_QUARANTINE, QuarantineRecord.class),
            Map.entry(TITLES_CURATED, CuratedTitle.class),
            Map.entry(GOLD_TITLES_BY_TYPE_AGE_COUNTRY, GoldTitleAggregate.class),
            Map.entry(LOOKUPS_RAW, RawRecord.class),
            Map.entry(LOOKUPS_VALIDATED, ValidatedRecord.class),
            Map.entry(LOOKUPS_QUARANTINE, QuarantineRecord.class),
            Map.entry(QUALITY_EVENTS, QualityEvent.class));

    private Topics() {
    }
}
