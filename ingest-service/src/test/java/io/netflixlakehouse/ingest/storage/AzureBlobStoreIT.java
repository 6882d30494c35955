package io.netflixlakehouse.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.ingest.domain.BlobStore;
import io.netflixlakehouse.ingest.domain.DatasetCatalog;
import io.netflixlakehouse.ingest.domain.DatasetSpec;
import io.netflixlakehouse.ingest.domain.FileIngestion;
import io.netflixlakehouse.ingest.domain.FileLedger;
import io.netflixlakehouse.ingest.domain.IngestOutcome;
import io.netflixlakehouse.ingest.domain.Reason;
import io.netflixlakehouse.ingest.domain.RecordSink;
import io.netflixlakehouse.ingest.domain.RetryPolicy;
import io.netflixlakehouse.ingest.domain.RetryingBlobStore;
import io.netflixlakehouse.ingest.domain.SchemaHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AzureBlobStore against a real Azurite: url rules, eTag pinning, streaming, error classes, the Kaggle file. */
class AzureBlobStoreIT {

    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    private static final DatasetSpec TITLES = DatasetSpec.of("titles", "**/*titles*.csv", "show_id", "netflix.titles.raw.v1");

    private static BlobServiceClient service;
    private static AzureBlobStore store;

    @BeforeAll
    static void setUp() {
        service = AzureAccounts.client(AZURITE.connectionString(), Duration.ofSeconds(30));
        service.createBlobContainerIfNotExists("landing");
        service.createBlobContainerIfNotExists("secrets");
        store = new AzureBlobStore(service, Set.of("landing"));
    }

    private static String upload(String container, String name, byte[] content) {
        BlobContainerClient client = service.getBlobContainerClient(container);
        client.getBlobClient(name).upload(BinaryData.fromBytes(content), true);
        return client.getBlobClient(name).getBlobUrl();
    }

    private static String read(BlobStore.Resolved resolved, long offset) throws IOException {
        try (InputStream input = resolved.blob().open(offset)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldResolveABlobOfAnAllowedContainerWithItsETagAndStreamIt() throws IOException {
        String url = upload("landing", "2026/11/netflix titles.csv", "show_id,title\ns1,One\n".getBytes(StandardCharsets.UTF_8));
        String eTag = service.getBlobContainerClient("landing").getBlobClient("2026/11/netflix titles.csv").getProperties().getETag();

        BlobStore.Resolution resolution = store.resolve(url);

        assertThat(resolution).isInstanceOfSatisfying(BlobStore.Resolved.class, resolved -> {
            assertThat(resolved.container()).isEqualTo("landing");
            assertThat(resolved.relativePath()).isEqualTo("2026/11/netflix titles.csv");
            assertThat(resolved.eTag()).isEqualTo(eTag.replace("\"", "")).startsWith("0x");
            assertThat(resolved.size()).isEqualTo(21);
        });
        BlobStore.Resolved resolved = (BlobStore.Resolved) resolution;
        assertThat(read(resolved, 0)).isEqualTo("show_id,title\ns1,One\n");
        assertThat(read(resolved, 14)).isEqualTo("s1,One\n");
    }

    @Test
    void shouldStreamABlobLargerThanOneBlockInPieces() throws IOException {
        byte[] content = new byte[AzureBlobStore.BLOCK_SIZE * 2 + 12_345];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        BlobStore.Resolved resolved = (BlobStore.Resolved) store.resolve(upload("landing", "big.bin", content));

        byte[] read;
        try (InputStream input = resolved.blob().open(0)) {
            read = input.readAllBytes();
        }

        assertThat(resolved.size()).isEqualTo(content.length);
        assertThat(Arrays.equals(read, content)).isTrue();
    }

    @Test
    void shouldRefuseOtherContainersAccountsAndTraversalsWithoutFetching() {
        upload("secrets", "keys.csv", "show_id\ns1\n".getBytes(StandardCharsets.UTF_8));
        String account = AZURITE.accountUrl();
        RetryingBlobStore routed = new RetryingBlobStore(
                new io.netflixlakehouse.ingest.domain.RoutingBlobStore(List.of(store)),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO), RetryPolicy.Sleeper.THREAD);

        for (String url : List.of(account + "/secrets/keys.csv", account + "/landing/../secrets/keys.csv",
                account + "/landing/%2e%2e/secrets/keys.csv", "http://127.0.0.1:" + AZURITE.port() + "/otheraccount/landing/x.csv",
                "http://localhost:" + AZURITE.port() + "/" + Azurite.ACCOUNT + "/landing/x.csv")) {
            assertThat(routed.resolve(url)).as(url).isInstanceOfSatisfying(BlobStore.Refused.class,
                    refused -> assertThat(refused.why().reason()).isEqualTo(Reason.URL_NOT_ALLOWED));
        }
    }

    @Test
    void shouldReportAMissingBlobAndWrongCredentials() {
        assertThat(store.resolve(AZURITE.accountUrl() + "/landing/missing.csv")).isInstanceOfSatisfying(BlobStore.Refused.class,
                refused -> assertThat(refused.why().reason()).isEqualTo(Reason.BLOB_NOT_FOUND));

        String url = upload("landing", "guarded.csv", "show_id\ns1\n".getBytes(StandardCharsets.UTF_8));
        String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        AzureBlobStore intruder = new AzureBlobStore(
                AzureAccounts.client(AZURITE.connectionString(wrongKey), Duration.ofSeconds(30)), Set.of("landing"));

        assertThat(intruder.resolve(url)).isInstanceOfSatisfying(BlobStore.Refused.class,
                refused -> assertThat(refused.why().reason()).isEqualTo(Reason.STORAGE_ACCESS_DENIED));
    }

    @Test
    void shouldPinReadsToTheResolvedVersion() {
        String url = upload("landing", "overwritten.csv", "show_id\ns1\n".getBytes(StandardCharsets.UTF_8));
        BlobStore.Resolved resolved = (BlobStore.Resolved) store.resolve(url);
        upload("landing", "overwritten.csv", "show_id\ns2\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read(resolved, 0)).isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobStore.TransientStorageException.class)
                .hasMessageContaining("changed while it was read");
    }

    @Test
    void shouldRetryAnUnreachableAccountThenGiveUpWithStorageUnavailable() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String connection = "DefaultEndpointsProtocol=http;AccountName=" + Azurite.ACCOUNT + ";AccountKey=" + Azurite.KEY
                + ";BlobEndpoint=http://127.0.0.1:" + closedPort + "/" + Azurite.ACCOUNT + ";";
        AzureBlobStore unreachable = new AzureBlobStore(AzureAccounts.client(connection, Duration.ofSeconds(5)), Set.of("landing"));
        List<Duration> waits = new ArrayList<>();

        BlobStore.Resolution resolution = new RetryingBlobStore(unreachable,
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20)), waits::add)
                .resolve("http://127.0.0.1:" + closedPort + "/" + Azurite.ACCOUNT + "/landing/x.csv");

        assertThat(resolution).isInstanceOfSatisfying(BlobStore.Refused.class,
                refused -> assertThat(refused.why().text()).startsWith("STORAGE_UNAVAILABLE (after 3 attempts"));
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void shouldIngestTheKaggleFileFromAzurite() {
        Path kaggle = Path.of(System.getProperty("kaggle.file", "../data/kaggle/netflix_titles.csv"));
        service.getBlobContainerClient("landing").getBlobClient("kaggle/netflix_titles.csv").uploadFromFile(kaggle.toString(), true);
        String url = service.getBlobContainerClient("landing").getBlobClient("kaggle/netflix_titles.csv").getBlobUrl();
        FileIngestion ingestion = new FileIngestion(store, new DatasetCatalog(List.of(TITLES)), new SchemaHistory(), change -> { },
                new FileLedger(), Clock.systemUTC());
        List<String> keys = new ArrayList<>();
        RecordSink sink = new RecordSink() {
            @Override
            public void publish(DatasetSpec dataset, RawRecord record) {
                keys.add(record.key());
            }

            @Override
            public void flush() {
            }
        };
        String event = """
                {"id":"e-1","topic":"t","subject":"s","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-25T10:15:30Z",
                 "data":{"api":"PutBlockList","eTag":"0x1","url":"%s"}}""".formatted(url);

        IngestOutcome outcome = ingestion.ingest(ingestion.events(event).get(0), sink);

        FileIngested manifest = ((IngestOutcome.Handled) outcome).manifest();
        assertThat(manifest.status()).as(manifest.reason()).isEqualTo(FileIngested.Status.COMPLETED);
        assertThat(manifest.records()).isEqualTo(8807);
        assertThat(keys).hasSize(8807).doesNotHaveDuplicates().contains("s1", "s8807");
    }
}
