package io.netflixlakehouse.ingest.landing;

import io.netflixlakehouse.ingest.config.IngestConfig;
import io.netflixlakehouse.ingest.config.IngestSetup;
import io.netflixlakehouse.ingest.domain.AccountUrls;
import io.netflixlakehouse.ingest.domain.LandingEvents;
import io.netflixlakehouse.ingest.messaging.BlobEventPublisher;
import io.netflixlakehouse.ingest.storage.AzureAccounts;
import io.netflixlakehouse.ingest.storage.AzureBlobStore;
import io.netflixlakehouse.ingest.storage.AzureContainerLister;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Discovery, the stand-in for Event Grid: the landing folder (on by default; {@link LandingFolderWatcher}: woken by
 * file-system events, a file is announced once it stayed the same over the settle time, full scans as the fallback)
 * and every container of an Azure account whose {@code listing.enabled} is true (a committed blob is announced at
 * the first listing that sees it). Each source is a {@link ListingWatcher} with its own state file under the state
 * dir.
 */
@ApplicationScoped
public class LandingWatcher {

    private static final Logger LOG = Logger.getLogger(LandingWatcher.class);

    @Inject
    IngestConfig config;

    @Inject
    BlobEventPublisher publisher;

    @Inject
    AzureAccounts accounts;

    private LandingFolderWatcher folder;
    private ScheduledExecutorService executor;
    private final List<ListingWatcher> watchers = new ArrayList<>();

    void onStart(@Observes StartupEvent startup) throws IOException {
        if (config.landing().enabled()) {
            Path root = config.landing().root().toAbsolutePath().normalize();
            Files.createDirectories(root);
            IngestConfig.Landing landing = config.landing();
            IngestSetup.landing(landing);
            folder = new LandingFolderWatcher(root, new AnnouncedStateStore(config.stateDir()), landing.events(),
                    landing.settleTime(), landing.pollInterval(), publisher::publish);
            folder.start();
            LOG.infof("Watching %s (%s, settle %d ms, full scan every %d ms; state %s)", root,
                    folder.eventsEnabled() ? "file-system events" : "no events", landing.settleTime().toMillis(),
                    landing.pollInterval().toMillis(), folder.store().file());
        } else {
            LOG.info("Landing watcher disabled (lakehouse.ingest.landing.enabled=false)");
        }
        for (var entry : accounts.stores().entrySet()) {
            IngestConfig.Listing listing = config.azure().get(entry.getKey()).listing();
            if (listing.enabled()) {
                watchAccount(entry.getKey(), entry.getValue(), listing);
            }
        }
    }

    private void watchAccount(String account, AzureBlobStore store, IngestConfig.Listing listing) throws IOException {
        AccountUrls urls = store.urls();
        for (String container : urls.containers()) {
            String name = "azure " + account + "/" + container;
            ListingWatcher watcher = new ListingWatcher(name,
                    new AzureContainerLister(store.client().getBlobContainerClient(container), listing.prefix().orElse("")),
                    false,
                    new AnnouncedStateStore(config.stateDir(), "azure-" + account + "-" + container + "-announced.json"),
                    new LandingEvents(urls.accountUrl(), container, blobName -> urls.blobUrl(container, blobName)),
                    publisher::publish);
            schedule(watcher, listing.interval().toMillis());
            LOG.infof("Listing %s%s every %d ms (state %s)", urls.blobUrl(container, "x").replaceAll("/x$", "/"),
                    listing.prefix().orElse(""), listing.interval().toMillis(), watcher.store().file());
        }
    }

    private void schedule(ListingWatcher watcher, long intervalMillis) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "landing-watcher");
                thread.setDaemon(true);
                return thread;
            });
        }
        watchers.add(watcher);
        executor.scheduleWithFixedDelay(watcher::pollQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (folder != null) {
            folder.close();
        }
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
