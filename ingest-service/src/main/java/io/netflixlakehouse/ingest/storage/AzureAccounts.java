package io.netflixlakehouse.ingest.storage;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.netflixlakehouse.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configured Azure storage accounts ({@code lakehouse.ingest.azure.<name>.*}) that have a
 * connection string, as blob stores. Built once, at start-up: a wrong value stops the service with
 * a message naming the key. The SDK's own retries are off (one try per request, with a timeout): the
 * service's retry policy ({@code lakehouse.ingest.storage.*}) is the only one.
 */
@ApplicationScoped
public class AzureAccounts {

    private final Map<String, AzureBlobStore> stores;

    @Inject
    public AzureAccounts(IngestConfig config) {
        Map<String, AzureBlobStore> built = new LinkedHashMap<>();
        new TreeMap<>(config.azure()).forEach((name, account) -> {
            if (account.connectionString().isEmpty()) {
                return;
            }
            String prefix = "lakehouse.ingest.azure." + name + ".";
            Set<String> containers = new TreeSet<>();
            for (String container : account.containers()) {
                if (!container.matches("[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?|\\$root")) {
                    throw new IllegalArgumentException(prefix + "containers: not a container name: " + container);
                }
                containers.add(container);
            }
            if (containers.isEmpty()) {
                throw new IllegalArgumentException(prefix + "containers: name at least one container");
            }
            if (account.listing().interval().toMillis() < 1) {
                throw new IllegalArgumentException(prefix + "listing.interval must be at least 1ms");
            }
            BlobServiceClient client;
            try {
                client = client(account.connectionString().get(), config.storage().requestTimeout());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "connection-string is not valid: " + e.getMessage(), e);
            }
            built.put(name, new AzureBlobStore(client, containers));
        });
        this.stores = Collections.unmodifiableMap(built);
    }

    /** Account name (configuration key) to its store, in name order. */
    public Map<String, AzureBlobStore> stores() {
        return stores;
    }

    /** A client with one try per request: retries are the service's policy. */
    public static BlobServiceClient client(String connectionString, Duration requestTimeout) {
        RequestRetryOptions oneTry = new RequestRetryOptions(RetryPolicyType.FIXED, 1, requestTimeout, null, null, null);
        return new BlobServiceClientBuilder().connectionString(connectionString).retryOptions(oneTry).buildClient();
    }
}
