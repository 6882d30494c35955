package io.netflixlakehouse.ingest.config;

import io.netflixlakehouse.ingest.domain.DatasetCatalog;
import io.netflixlakehouse.ingest.domain.DatasetSpec;
import io.netflixlakehouse.ingest.domain.FileIngestion;
import io.netflixlakehouse.ingest.domain.BlobStore;
import io.netflixlakehouse.ingest.domain.RetryPolicy;
import io.netflixlakehouse.ingest.domain.RetryingBlobStore;
import io.netflixlakehouse.ingest.domain.RoutingBlobStore;
import io.netflixlakehouse.ingest.storage.AzureAccounts;
import io.netflixlakehouse.ingest.storage.LocalFolderBlobStore;
import io.netflixlakehouse.ingest.messaging.RawRecordPublisher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Validates the configuration and builds the domain objects from it; a wrong value names its key. */
@ApplicationScoped
public class IngestSetup {

    /** Fails start-up on a wrong value instead of on the first event. */
    void validate(@Observes StartupEvent event, IngestConfig config, AzureAccounts accounts) {
        catalog(config);
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
    FileIngestion fileIngestion(BlobStore store, DatasetCatalog catalog) {
        return new FileIngestion(store, catalog, Clock.systemUTC());
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

    /** Checks every key and builds the catalog. @throws IllegalArgumentException naming the wrong key */
    public static DatasetCatalog catalog(IngestConfig config) {
        if (config.maxInFlight() < 1 || config.maxInFlight() > RawRecordPublisher.EMITTER_BUFFER) {
            throw new IllegalArgumentException("lakehouse.ingest.max-in-flight must be between 1 and "
                    + RawRecordPublisher.EMITTER_BUFFER + ", was " + config.maxInFlight());
        }
        if (config.publishTimeout().isNegative() || config.publishTimeout().isZero()) {
            throw new IllegalArgumentException("lakehouse.ingest.publish-timeout must be positive");
        }
        if (config.landing().pollInterval().toMillis() < 1) {
            throw new IllegalArgumentException("lakehouse.ingest.landing.poll-interval must be at least 1ms");
        }
        if (config.datasets().isEmpty()) {
            throw new IllegalArgumentException("lakehouse.ingest.datasets: configure at least one dataset");
        }
        List<DatasetSpec> specs = new ArrayList<>();
        config.datasets().forEach((name, dataset) -> {
            String prefix = "lakehouse.ingest.datasets." + name + ".";
            requireText(prefix + "glob", dataset.glob());
            requireText(prefix + "key-column", dataset.keyColumn());
            requireText(prefix + "topic", dataset.topic());
            specs.add(new DatasetSpec(name, dataset.glob(), dataset.keyColumn(), dataset.topic()));
        });
        try {
            return new DatasetCatalog(specs);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("lakehouse.ingest.datasets.*.glob is not a valid glob: " + e.getPattern(), e);
        }
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }
}
