package io.netflixlakehouse.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.ingest.domain.BlobEventParser;
import io.netflixlakehouse.ingest.domain.BlobStore;
import io.netflixlakehouse.ingest.domain.EventDecision;
import io.netflixlakehouse.ingest.domain.LandingEvents;
import io.netflixlakehouse.ingest.landing.AnnouncedStateStore;
import io.netflixlakehouse.ingest.landing.ListingWatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Directory-listing discovery of an Azurite container: new and changed blobs, once each, across restarts. */
class AzureListingIT {

    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    @TempDir
    Path state;

    private final List<BlobCreatedEvent> published = new ArrayList<>();

    private ListingWatcher watcher(AzureBlobStore store, BlobContainerClient container) throws Exception {
        return new ListingWatcher("azure test/landing", new AzureContainerLister(container, "in/"), false,
                new AnnouncedStateStore(state, "azure-test-landing-announced.json"),
                new LandingEvents(store.urls().accountUrl(), "landing", name -> store.urls().blobUrl("landing", name)),
                published::add);
    }

    private static void upload(BlobContainerClient container, String name, String content) {
        container.getBlobClient(name).upload(BinaryData.fromString(content), true);
    }

    @Test
    void shouldAnnounceNewAndChangedBlobsUnderThePrefixOnceEvenAfterARestart() throws Exception {
        BlobServiceClient service = AzureAccounts.client(AZURITE.connectionString(), Duration.ofSeconds(30));
        BlobContainerClient container = service.createBlobContainerIfNotExists("landing");
        AzureBlobStore store = new AzureBlobStore(service, Set.of("landing"));
        upload(container, "in/netflix_titles.csv", "show_id,title\ns1,One\n");
        upload(container, "in/2026/cast.csv", "show_id,cast\ns1,A\n");
        upload(container, "in/upload.csv.part", "partial");
        upload(container, "elsewhere/other.csv", "show_id\ns9\n");
        ListingWatcher first = watcher(store, container);

        first.poll();

        assertThat(published).extracting(event -> event.subject())
                .containsExactly("/blobServices/default/containers/landing/blobs/in/2026/cast.csv",
                        "/blobServices/default/containers/landing/blobs/in/netflix_titles.csv");
        BlobCreatedEvent titles = published.get(1);
        String eTag = container.getBlobClient("in/netflix_titles.csv").getProperties().getETag().replace("\"", "");
        assertThat(titles.data().eTag()).isEqualTo(eTag);
        assertThat(titles.data().contentLength()).isEqualTo(21);
        assertThat(titles.data().url()).isEqualTo(AZURITE.accountUrl() + "/landing/in/netflix_titles.csv");
        EventDecision decision = new BlobEventParser().parse(Json.mapper().writeValueAsString(titles)).get(0);
        assertThat(decision).isInstanceOfSatisfying(EventDecision.Ingest.class,
                ingest -> assertThat(store.resolve(ingest.url())).isInstanceOfSatisfying(BlobStore.Resolved.class,
                        resolved -> assertThat(resolved.eTag()).isEqualTo(ingest.eTag())));

        first.poll();
        assertThat(published).hasSize(2);

        upload(container, "in/netflix_titles.csv", "show_id,title\ns1,One\ns2,Two\n");
        first.poll();
        assertThat(published).hasSize(3);
        assertThat(published.get(2).data().url()).isEqualTo(titles.data().url());
        assertThat(published.get(2).data().eTag()).isNotEqualTo(titles.data().eTag());

        ListingWatcher restarted = watcher(store, container);
        restarted.poll();
        assertThat(published).hasSize(3);
        assertThat(new AnnouncedStateStore(state, "azure-test-landing-announced.json").load())
                .containsOnlyKeys("in/netflix_titles.csv", "in/2026/cast.csv");
        assertThat(new String(container.getBlobClient("in/upload.csv.part").downloadContent().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("partial");
    }
}
