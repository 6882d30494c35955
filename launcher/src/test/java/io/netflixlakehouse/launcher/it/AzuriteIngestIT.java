package io.netflixlakehouse.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.contracts.serde.JsonDeserializer;
import io.netflixlakehouse.launcher.azure.Azurite;
import io.netflixlakehouse.launcher.cli.LakehouseCli;
import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.kafka.BlobEventSender;
import io.netflixlakehouse.launcher.kafka.GroupLagReader;
import io.netflixlakehouse.launcher.kafka.KafkaBroker;
import io.netflixlakehouse.launcher.kafka.TopicSetup;
import io.netflixlakehouse.launcher.pipeline.RunLayout;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import io.netflixlakehouse.launcher.pipeline.ServiceSpec;
import io.netflixlakehouse.launcher.process.FreePorts;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure end to end without Azure: a broker process, Azurite, the packaged ingest-service reading the
 * storage account. `lakehouse upload` puts the Kaggle file into Azurite and publishes its BlobCreated
 * event; the service streams it from Azurite and publishes every record. Then the same event again
 * (duplicate delivery) and events for a foreign container and account (refused, never read).
 */
class AzuriteIngestIT {

    private static final int KAGGLE_RECORDS = 8807;

    @TempDir
    Path dir;

    @Test
    void shouldIngestAnUploadedFileFromAzuriteOnceAndRefuseForeignUrls() throws Exception {
        Path home = TestHome.home();
        Path kaggle = home.resolve("data/kaggle/netflix_titles.csv");
        Path ingestJar = ServiceCatalog.quarkusRunJar(home, ServiceCatalog.INGEST);
        assertThat(ingestJar).as("build ingest-service first (mvn -B package)").isRegularFile();
        RunLayout run = RunLayout.createAt(dir.resolve("run"));
        List<ProcessHandle> started = new ArrayList<>();

        try (KafkaBroker broker = KafkaBroker.start(TestHome.brokerLib(), run.kafka(), run.logs(), Duration.ofSeconds(90));
                Azurite azurite = Azurite.start(Azurite.home(home), run.log("azurite"), Duration.ofSeconds(60));
                Admin admin = broker.admin()) {
            started.addAll(broker.process().liveHandles());
            started.addAll(azurite.process().liveHandles());
            TopicSetup.createAll(admin);
            String bootstrap = broker.bootstrapServers();

            try (ManagedProcess ingest = startIngest(home, bootstrap, run, azurite)) {
                started.addAll(ingest.liveHandles());

                int exit = LakehouseCli.commandLine().execute("--home", home.toString(), "upload", kaggle.toString(),
                        "--container", "landing", "--create-container",
                        "--connection-string", azurite.connectionString(), "--bootstrap-servers", bootstrap);
                assertThat(exit).isZero();

                // The built-in titles spec owns *titles*.csv at the container's root (as in the landing folder).
                String url = azurite.accountUrl() + "/landing/netflix_titles.csv";
                FileIngested first = awaitManifest(bootstrap, m -> url.equals(m.sourceUrl()), ingest);
                assertThat(first.status()).as(first.reason()).isEqualTo(FileIngested.Status.COMPLETED);
                assertThat(first.records()).isEqualTo(KAGGLE_RECORDS);
                List<RawRecord> raw = readAll(bootstrap, Topics.TITLES_RAW, new JsonDeserializer<>(RawRecord.class), KAGGLE_RECORDS);
                assertThat(raw).hasSize(KAGGLE_RECORDS);
                assertThat(raw).extracting(RawRecord::id).doesNotHaveDuplicates();

                // Duplicate delivery of the same event, then urls outside the configured account and container.
                BlobCreatedEvent uploaded = readAll(bootstrap, Topics.BLOB_EVENTS,
                        new JsonDeserializer<>(BlobCreatedEvent.class), 1).get(0);
                assertThat(uploaded.data().url()).isEqualTo(url);
                assertThat(uploaded.data().api()).isEqualTo("PutBlob");
                assertThat(uploaded.data().contentLength()).isEqualTo(Files.size(kaggle));
                new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                        .createBlobContainerIfNotExists("secrets").getBlobClient("netflix_titles.csv")
                        .upload(BinaryData.fromString("show_id,title\ns1,secret\n"), true);
                String otherContainer = azurite.accountUrl() + "/secrets/netflix_titles.csv";
                String otherAccount = "http://127.0.0.1:" + azurite.port() + "/otheraccount/landing/netflix_titles.csv";
                try (BlobEventSender sender = new BlobEventSender(bootstrap, Duration.ofSeconds(30))) {
                    sender.send(uploaded);
                    sender.send(copy(uploaded, otherContainer));
                    sender.send(copy(uploaded, otherAccount));
                }

                FileIngested refusedContainer = awaitManifest(bootstrap, m -> otherContainer.equals(m.sourceUrl()), ingest);
                FileIngested refusedAccount = awaitManifest(bootstrap, m -> otherAccount.equals(m.sourceUrl()), ingest);
                assertThat(refusedContainer.reason()).isEqualTo("URL_NOT_ALLOWED (container secrets is not configured)");
                assertThat(refusedContainer.records()).isZero();
                assertThat(refusedAccount.reason()).startsWith("URL_NOT_ALLOWED");
                awaitCaughtUp(admin, ingest);
                List<RawRecord> afterReplay = readAll(bootstrap, Topics.TITLES_RAW, new JsonDeserializer<>(RawRecord.class),
                        KAGGLE_RECORDS);
                // A second delivery re-reads the same version at most: the same record ids, never new ones, never "secret".
                assertThat(afterReplay).hasSizeBetween(KAGGLE_RECORDS, 2 * KAGGLE_RECORDS);
                assertThat(ids(afterReplay)).isEqualTo(ids(raw));
            }
        }
        assertThat(started).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    private static BlobCreatedEvent copy(BlobCreatedEvent event, String url) {
        BlobCreatedEvent.Data d = event.data();
        return new BlobCreatedEvent(event.id() + "-" + url.hashCode(), event.topic(), event.subject(), event.eventType(),
                event.eventTime(), new BlobCreatedEvent.Data(d.api(), d.clientRequestId(), d.requestId(), d.eTag(),
                d.contentType(), d.contentLength(), d.blobType(), url, d.sequencer()),
                event.dataVersion(), event.metadataVersion());
    }

    private static ManagedProcess startIngest(Path home, String bootstrap, RunLayout run, Azurite azurite) throws Exception {
        int port = FreePorts.one();
        ServiceSpec spec = ServiceCatalog.services(new ServiceCatalog.Context(home, bootstrap, run,
                Map.of(ServiceCatalog.INGEST, port, ServiceCatalog.QUALITY, FreePorts.one(), ServiceCatalog.CURATION,
                        FreePorts.one()))).get(0);
        Map<String, String> env = new HashMap<>(spec.env());
        env.put("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
        env.put("AZURE_STORAGE_CONTAINERS", "landing");
        ManagedProcess ingest = ManagedProcess.start(spec.name(), spec.command(), env, run.root(), run.log(spec.name()));
        ingest.awaitHttpOk(spec.readinessUrl().orElseThrow(), Instant.now().plusSeconds(60));
        return ingest;
    }

    private static FileIngested awaitManifest(String bootstrap, Predicate<FileIngested> wanted, ManagedProcess ingest) {
        Instant deadline = Instant.now().plusSeconds(120);
        try (KafkaConsumer<String, FileIngested> consumer = consumer(bootstrap, new JsonDeserializer<>(FileIngested.class))) {
            consumer.subscribe(List.of(Topics.INGEST_FILES));
            while (Instant.now().isBefore(deadline)) {
                ingest.requireAlive();
                for (ConsumerRecord<String, FileIngested> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record.value())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no matching manifest within 120 s; ingest-service log:\n" + ingest.tail(40));
    }

    private static void awaitCaughtUp(Admin admin, ManagedProcess ingest) throws InterruptedException {
        GroupLagReader lag = new GroupLagReader(admin);
        GroupInputs inputs = new GroupInputs(ServiceCatalog.INGEST_GROUP, List.of(Topics.BLOB_EVENTS), false);
        Instant deadline = Instant.now().plusSeconds(120);
        while (!lag.read(inputs).caughtUp()) {
            ingest.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("lakehouse-ingest did not catch up: " + lag.read(inputs));
            }
            Thread.sleep(250);
        }
    }

    /** Every record of a topic (read committed), waiting until at least {@code atLeast} are there and no more come. */
    private static <T> List<T> readAll(String bootstrap, String topic, Deserializer<T> values, int atLeast) {
        List<T> read = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(120);
        try (KafkaConsumer<String, T> consumer = consumer(bootstrap, values)) {
            consumer.subscribe(List.of(topic));
            int idlePolls = 0;
            while (Instant.now().isBefore(deadline) && (read.size() < atLeast || idlePolls < 3)) {
                int before = read.size();
                consumer.poll(Duration.ofMillis(500)).forEach(record -> read.add(record.value()));
                idlePolls = read.size() == before ? idlePolls + 1 : 0;
            }
        }
        return read;
    }

    private static <T> KafkaConsumer<String, T> consumer(String bootstrap, Deserializer<T> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "azurite-it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }

    private static Set<String> ids(List<RawRecord> records) {
        return new HashSet<>(records.stream().map(RawRecord::id).toList());
    }
}
