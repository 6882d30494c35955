package io.netflixlakehouse.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the ingest-service, under {@code lakehouse.ingest}. */
@ConfigMapping(prefix = "lakehouse.ingest")
public interface IngestConfig {

    /** The landing folder: watched for new files; {@code file://} urls may only point inside it. */
    Landing landing();

    /** Azure storage accounts whose containers may be read, by name; an account without a connection string is off. */
    Map<String, AzureAccount> azure();

    /** How transient storage errors (5xx, timeouts, resets) are retried before a file fails with STORAGE_UNAVAILABLE. */
    Storage storage();

    /** Folder of the watcher's state (what it has announced); env LAKEHOUSE_INGEST_STATE_DIR. */
    @WithDefault(".lakehouse/state/ingest")
    Path stateDir();

    /** Datasets by name: which files belong to each, its key column and raw topic. At least one. */
    Map<String, Dataset> datasets();

    /** Records of one file sent to Kafka and not yet acknowledged, at most (1 to 4096). */
    @WithDefault("2048")
    int maxInFlight();

    /** How long to wait for Kafka to acknowledge a file's records, its manifest, or an event. */
    @WithDefault("PT2M")
    Duration publishTimeout();

    /** The landing folder. */
    interface Landing {

        /** Root folder of landed files; env LAKEHOUSE_INGEST_LANDING_ROOT. */
        @WithDefault(".lakehouse/landing")
        Path root();

        /** Whether to watch the root and announce new files (the local stand-in for Event Grid). */
        @WithDefault("true")
        boolean enabled();

        /** Time between two scans; a file is announced once unchanged over two scans. */
        @WithDefault("1s")
        Duration pollInterval();
    }

    /** Retries of storage calls and reads. */
    interface Storage {

        /** Attempts of one storage call or read, the first included (at least 1). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each next failure. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /** Timeout of one request to a storage service. */
        @WithDefault("PT1M")
        Duration requestTimeout();
    }

    /** One Azure storage account (or Azurite). */
    interface AzureAccount {

        /** Connection string (account key or SAS; BlobEndpoint for Azurite). Unset: the account is off. */
        Optional<String> connectionString();

        /** Containers that may be read (and listed); urls of other containers are refused. */
        List<String> containers();

        /** Directory-listing discovery of new or changed blobs (instead of, or beside, Event Grid). */
        Listing listing();
    }

    /** Directory listing of an account's containers. */
    interface Listing {

        /** Whether to list the containers on an interval and publish a BlobCreated event per new or changed blob. */
        @WithDefault("false")
        boolean enabled();

        /** Only blobs whose name starts with this prefix are listed; empty: the whole container. */
        Optional<String> prefix();

        /** Time between two listings. */
        @WithDefault("30s")
        Duration interval();
    }

    /** One dataset. */
    interface Dataset {

        /** Glob over the path relative to the landing root, e.g. {@code **}{@code /*titles*.csv}. */
        String glob();

        /** Column whose value is the record key and the Kafka key, e.g. {@code show_id}. */
        String keyColumn();

        /** Kafka topic of the dataset's raw records, e.g. {@code netflix.titles.raw.v1}. */
        String topic();
    }
}
