package io.netflixlakehouse.ingest.config;

import io.netflixlakehouse.ingest.domain.DatasetCatalog;
import io.netflixlakehouse.ingest.domain.FileIngestion;
import io.netflixlakehouse.ingest.domain.BlobStore;
import io.netflixlakehouse.ingest.domain.FileLedger;
import io.netflixlakehouse.ingest.domain.RetryPolicy;
import io.netflixlakehouse.ingest.domain.RetryingBlobStore;
import io.netflixlakehouse.ingest.domain.RoutingBlobStore;
import io.netflixlakehouse.ingest.domain.SchemaHistory;
import io.netflixlakehouse.ingest.storage.AzureAccounts;
import io.netflixlakehouse.ingest.storage.LocalFolderBlobStore;
import io.netflixlakehouse.ingest.messaging.RawRecordPublisher;
import io.netflixlakehouse.ingest.messaging.SchemaHistoryPublisher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Validates the configuration and the dataset specs, and builds the domain objects from them; a wrong value names its key or file. */
@ApplicationScoped
public class IngestSetup {

    private static final Logger LOG = Logger.getLogger(IngestSetup.class);

    /** Fails start-up on a wrong value instead of on the first event. */
    void validate(@Observes StartupEvent event, IngestConfig config, DatasetCatalog catalog, AzureAccounts accounts) {
        LOG.infof("Datasets: %s", catalog.specs().stream()
                .map(spec -> spec.name() + " (" + spec.source() + " -> " + spec.topic() + ", " + spec.evolution().specName()
                        + ")").toList());
        retryPolicy(config);
        accounts.stores(); // builds the account clients: a wrong connection string or container stops the start
    }

    /** The landing folder and every configured storage account, with retries of transient errors. */
    @Produces
    @ApplicationScoped
    BlobStore blobStore(IngestConfig config, AzureAccounts accounts) {
        List<BlobStore> stores = new ArrayList<>();
        stores.add(new LocalFolderBlobStore(config.landing().root()));
        stores.addAll(accounts.stores().values());
        return new RetryingBlobStore(new RoutingBlobStore(stores), retryPolicy(config), RetryPolicy.Sleeper.THREAD);
    }

    @Produces
    @ApplicationScoped
    DatasetCatalog datasetCatalog(IngestConfig config) {
        return catalog(config);
    }

    @Produces
    @ApplicationScoped
    SchemaHistory schemaHistory() {
        return new SchemaHistory();
    }

    /** @throws IllegalArgumentException naming the wrong key */
    public static RetryPolicy retryPolicy(IngestConfig config) {
        IngestConfig.Storage storage = config.storage();
        if (storage.maxAttempts() < 1) {
            throw new IllegalArgumentException("lakehouse.ingest.storage.max-attempts must be at least 1, was " + storage.maxAttempts());
        }
        if (storage.initialBackoff().isNegative() || storage.maxBackoff().compareTo(storage.initialBackoff()) < 0) {
            throw new IllegalArgumentException(
                    "lakehouse.ingest.storage.initial-backoff must be >= 0 and <= lakehouse.ingest.storage.max-backoff");
        }
        if (storage.requestTimeout().toMillis() < 1) {
            throw new IllegalArgumentException("lakehouse.ingest.storage.request-timeout must be positive");
        }
        return new RetryPolicy(storage.maxAttempts(), storage.initialBackoff(), storage.maxBackoff());
    }

    /** @throws IllegalArgumentException naming the wrong key of the landing folder's watcher */
    public static void landing(IngestConfig.Landing landing) {
        if (landing.pollInterval().toMillis() < 1) {
            throw new IllegalArgumentException("lakehouse.ingest.landing.poll-interval must be at least 1ms, was "
                    + landing.pollInterval());
        }
        if (landing.settleTime().isNegative()) {
            throw new IllegalArgumentException("lakehouse.ingest.landing.settle-time must not be negative, was "
                    + landing.settleTime());
        }
    }

    @Produces
    @ApplicationScoped
    FileLedger fileLedger() {
        return new FileLedger();
    }

    @Produces
    @ApplicationScoped
    FileIngestion fileIngestion(BlobStore store, DatasetCatalog catalog, SchemaHistory schemas,
            SchemaHistoryPublisher schemaLog, FileLedger ledger) {
        return new FileIngestion(store, catalog, schemas, schemaLog, ledger, Clock.systemUTC());
    }

    /** Checks every key, loads the dataset specs and builds the catalog. @throws IllegalArgumentException naming the wrong key or spec */
    public static DatasetCatalog catalog(IngestConfig config) {
        if (config.maxInFlight() < 1 || config.maxInFlight() > RawRecordPublisher.EMITTER_BUFFER) {
            throw new IllegalArgumentException("lakehouse.ingest.max-in-flight must be between 1 and "
                    + RawRecordPublisher.EMITTER_BUFFER + ", was " + config.maxInFlight());
        }
        if (config.publishTimeout().isNegative() || config.publishTimeout().isZero()) {
            throw new IllegalArgumentException("lakehouse.ingest.publish-timeout must be positive");
        }
        if (config.stateLoadTimeout().isNegative() || config.stateLoadTimeout().isZero()) {
            throw new IllegalArgumentException("lakehouse.ingest.state-load-timeout must be positive");
        }
        if (config.transactionRecords() < 1) {
            throw new IllegalArgumentException("lakehouse.ingest.transaction-records must be at least 1");
        }
        if (config.transactionalId().isBlank()) {
            throw new IllegalArgumentException("lakehouse.ingest.transactional-id must not be blank");
        }
        landing(config.landing());
        try {
            return new DatasetCatalog(new DatasetSpecs().load(config.datasetsDir().orElse(null)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lakehouse.ingest.datasets-dir: " + e.getMessage(), e);
        }
    }
}
