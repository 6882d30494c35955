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

    /**
     * Folder of extra dataset specs ({@code *.yaml}, one dataset each) read at start-up besides the built-in ones;
     * a spec with the name of a built-in one replaces it. Env LAKEHOUSE_INGEST_DATASETS_DIR.
     */
    Optional<Path> datasetsDir();

    /**
     * Whether raw records are published in Kafka transactions with the file's progress, so a crash mid-file gives
     * every row exactly once to read-committed readers (false: idempotent producer, at least once).
     */
    @WithDefault("true")
    boolean exactlyOnce();

    /** The producer's transactional id; one per running instance, the same across its restarts. */
    @WithDefault("lakehouse-ingest-0")
    String transactionalId();

    /** Records per transaction (with exactly-once): what a crash makes the restart publish again, at most. */
    @WithDefault("10000")
    int transactionRecords();

    /**
     * The transactional producer's {@code compression.type} (none, lz4, snappy, zstd, gzip): none spends no CPU on a
     * broker next door; zstd for a broker across a network.
     */
    @WithDefault("none")
    String compression();

    /** Whether to load the ledger (manifests) and schema history from Kafka at start-up before ingesting. */
    @WithDefault("true")
    boolean loadStateAtStartup();

    /** How long the start-up load of the ledger and schema history may take before the service stops. */
    @WithDefault("PT2M")
    Duration stateLoadTimeout();

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

        /**
         * Whether file-system events (java.nio WatchService, inotify on Linux) wake the watcher as soon as a path under
         * the root changes; false: the full scans every {@code poll-interval} only.
         */
        @WithDefault("true")
        boolean events();

        /**
         * How long a file's size and modification time must stay the same (seen at the start and the end of it)
         * before it is announced: a file still being written changes, and each change starts the wait again.
         */
        @WithDefault("100ms")
        Duration settleTime();

        /**
         * Time between two full scans of the folder: the fallback that finds what events missed (and what landed
         * while the service was down); with {@code events=false} the only discovery.
         */
        @WithDefault("10s")
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
}
