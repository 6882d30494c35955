package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryingBlobStoreTest {

    private static final String URL = "https://acct.blob.core.windows.net/landing/netflix_titles.csv";
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250));

    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy.Sleeper recording = waits::add;

    @Test
    void shouldDoubleTheBackoffUpToItsBound() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(1));

        assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4), policy.backoff(5)))
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                        Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void shouldResolveOnceTheStoreRecoversWithinTheAttempts() {
        FlakyStore flaky = new FlakyStore("show_id\ns1\n", 3, List.of());

        BlobStore.Resolution resolution = new RetryingBlobStore(flaky, POLICY, recording).resolve(URL);

        assertThat(resolution).isInstanceOf(BlobStore.Resolved.class);
        assertThat(flaky.resolveCalls).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void shouldGiveUpWithStorageUnavailableAfterTheLastAttempt() {
        FlakyStore flaky = new FlakyStore("show_id\ns1\n", 4, List.of());

        BlobStore.Resolution resolution = new RetryingBlobStore(flaky, POLICY, recording).resolve(URL);

        assertThat(resolution).isInstanceOfSatisfying(BlobStore.Refused.class, refused -> {
            assertThat(refused.why().reason()).isEqualTo(Reason.STORAGE_UNAVAILABLE);
            assertThat(refused.why().text()).isEqualTo("STORAGE_UNAVAILABLE (after 4 attempts: (HTTP 503))");
        });
        assertThat(flaky.resolveCalls).isEqualTo(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void shouldNotRetryARefusal() {
        BlobStore refusing = new FlakyStore("x", 0, List.of()) {
            @Override
            public Resolution resolve(String url) {
                resolveCalls++;
                return new Refused(new Failure(Reason.URL_NOT_ALLOWED, "(elsewhere)"));
            }
        };

        assertThat(new RetryingBlobStore(refusing, POLICY, recording).resolve(URL))
                .isEqualTo(new BlobStore.Refused(new Failure(Reason.URL_NOT_ALLOWED, "(elsewhere)")));
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldResumeAReadWhereItStoppedAfterTransientErrors() throws IOException {
        String content = "show_id,title\ns1,One\ns2,Two\ns3,Three\n";
        FlakyStore flaky = new FlakyStore(content, 0, List.of(5L, 5L, 20L));
        BlobStore.Resolved resolved = (BlobStore.Resolved) new RetryingBlobStore(flaky, POLICY, recording).resolve(URL);

        String read;
        try (InputStream input = resolved.blob().open(0)) {
            read = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(read).isEqualTo(content);
        assertThat(flaky.openedAt).containsExactly(0L, 5L, 5L, 20L);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(100));
    }

    @Test
    void shouldFailTheReadWithStorageUnavailableWhenTheOutageOutlastsTheAttempts() {
        FlakyStore flaky = new FlakyStore("show_id\ns1\n", 0, List.of(3L, 3L, 3L, 3L));
        BlobStore.Resolved resolved = (BlobStore.Resolved) new RetryingBlobStore(flaky, POLICY, recording).resolve(URL);

        assertThatThrownBy(() -> {
            try (InputStream input = resolved.blob().open(0)) {
                input.readAllBytes();
            }
        }).isInstanceOf(BlobStore.StorageUnavailableException.class).hasMessageContaining("after 4 attempts at byte 3");
    }

    @Test
    void shouldFailTheFileWithStorageUnavailableAndKeepTheRecordsReadBefore() {
        String content = "show_id,title\ns1,One\ns2,Two\n";
        int afterFirstRecord = "show_id,title\ns1,One\n".length();
        FlakyStore midFile = new FlakyStore(content, 0, List.of((long) afterFirstRecord, (long) afterFirstRecord,
                (long) afterFirstRecord, (long) afterFirstRecord));
        FileIngestion ingestion = new FileIngestion(new RetryingBlobStore(midFile, POLICY, recording),
                new DatasetCatalog(List.of(Fixtures.TITLES)), new SchemaHistory(),
                change -> { }, new FileLedger(), Fixtures.CLOCK);
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();

        IngestOutcome outcome = ingestion.ingest(ingestion.events(BlobEventParserTest.event(
                "Microsoft.Storage.BlobCreated", "PutBlob", URL)).get(0), sink);

        FileIngested manifest = ((IngestOutcome.Handled) outcome).manifest();
        assertThat(manifest.status()).isEqualTo(FileIngested.Status.FAILED);
        assertThat(manifest.reason()).startsWith("STORAGE_UNAVAILABLE");
        assertThat(sink.records).extracting(RawRecord::key).containsExactly("s1");
        assertThat(sink.flushes).isEqualTo(1);
    }

    @Test
    void shouldFailTheFileWithStorageUnavailableWhenTheStoreNeverAnswers() {
        FileIngestion ingestion = new FileIngestion(
                new RetryingBlobStore(new FlakyStore("show_id\ns1\n", 100, List.of()), POLICY, recording),
                new DatasetCatalog(List.of(Fixtures.TITLES)), new SchemaHistory(),
                change -> { }, new FileLedger(), Fixtures.CLOCK);
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();

        IngestOutcome outcome = ingestion.ingest(ingestion.events(BlobEventParserTest.event(
                "Microsoft.Storage.BlobCreated", "PutBlob", URL)).get(0), sink);

        FileIngested manifest = ((IngestOutcome.Handled) outcome).manifest();
        assertThat(manifest.reason()).isEqualTo("STORAGE_UNAVAILABLE (after 4 attempts: (HTTP 503))");
        assertThat(manifest.dataset()).isNull();
        assertThat(sink.records).isEmpty();
    }

    /**
     * A store that answers 503 to the first {@code failedResolves} resolves, and whose reads break
     * (a transient error) once at each listed byte position.
     */
    static class FlakyStore implements BlobStore {

        private final byte[] content;
        private final int failedResolves;
        private final List<Long> breakAt;
        int resolveCalls;
        final List<Long> openedAt = new ArrayList<>();

        FlakyStore(String content, int failedResolves, List<Long> breakAt) {
            this.content = content.getBytes(StandardCharsets.UTF_8);
            this.failedResolves = failedResolves;
            this.breakAt = new ArrayList<>(breakAt);
        }

        @Override
        public boolean claims(String url) {
            return true;
        }

        @Override
        public Resolution resolve(String url) {
            resolveCalls++;
            if (resolveCalls <= failedResolves) {
                return new Refused(new Failure(Reason.STORAGE_UNAVAILABLE, "(HTTP 503)"));
            }
            return new Resolved("landing", "netflix_titles.csv", "0x1", content.length, this::open);
        }

        private InputStream open(long offset) {
            openedAt.add(offset);
            return new InputStream() {
                private final ByteArrayInputStream bytes = new ByteArrayInputStream(content, (int) offset, content.length);
                private long position = offset;

                @Override
                public int read() throws IOException {
                    if (!breakAt.isEmpty() && breakAt.get(0) == position) {
                        breakAt.remove(0);
                        throw new TransientStorageException("connection reset", null);
                    }
                    int b = bytes.read();
                    if (b >= 0) {
                        position++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    // One byte at a time, so a break lands exactly at its position.
                    int b = read();
                    if (b < 0) {
                        return -1;
                    }
                    buffer[off] = (byte) b;
                    return 1;
                }
            };
        }
    }
}
