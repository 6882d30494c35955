package io.netflixlakehouse.launcher.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.launcher.domain.LakeReport;
import io.netflixlakehouse.launcher.domain.Reconciliation;
import io.netflixlakehouse.launcher.domain.SummaryPrinter;
import io.netflixlakehouse.launcher.kafka.ConsumerGroupReset;
import io.netflixlakehouse.launcher.pipeline.CompletionWatcher;
import io.netflixlakehouse.launcher.pipeline.LakeWriterTool;
import io.netflixlakehouse.launcher.pipeline.LandingDrop;
import io.netflixlakehouse.launcher.pipeline.PipelineStack;
import io.netflixlakehouse.launcher.pipeline.Progress;
import io.netflixlakehouse.launcher.pipeline.RunLayout;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on real processes: Kafka broker, ingest, quality, curation, lake-writer. Lands the shipped
 * Kaggle file, reconciles the lake, then replays every consumer group from the earliest offsets and checks that
 * the lake is unchanged (same rows, same fingerprints).
 */
class PipelineEndToEndIT {

    private static final long KAGGLE_RECORDS = 8_807;
    private static final Duration FIRST_RUN = Duration.ofMinutes(6);
    private static final Duration REPLAY = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void shouldLandTheKaggleFileIntoTheLakeAndReplayItToIdenticalTables() throws Exception {
        Path home = TestHome.home();
        Map<String, Path> missing = ServiceCatalog.missingArtifacts(home);
        assertThat(missing)
                .as("artifacts the end-to-end test runs; build them first with `mvn -B -DskipTests package` in %s",
                        home)
                .isEmpty();
        RunLayout run = RunLayout.createAt(dir.resolve("run"));
        Progress progress = new Progress(System.out);
        LakeWriterTool lakeWriter = new LakeWriterTool(home);
        List<ProcessHandle> started = new ArrayList<>();

        try (PipelineStack stack = PipelineStack.start(
                new PipelineStack.Settings(home, TestHome.brokerLib(), run, Duration.ofMinutes(2)), progress)) {
            started.addAll(stack.liveHandles());
            try {
                CompletionWatcher watcher = new CompletionWatcher(stack.bootstrapServers(), stack.admin(),
                        stack::checkAlive, progress);

                Instant dropped = Instant.now();
                Path landed = LandingDrop.drop(home.resolve("data/kaggle/netflix_titles.csv"), run.landing());
                FileIngested manifest = watcher.awaitManifest(landed, dropped.plus(FIRST_RUN));
                assertThat(manifest.status()).isEqualTo(FileIngested.Status.COMPLETED);
                assertThat(manifest.records()).isEqualTo(KAGGLE_RECORDS);
                watcher.awaitDrained(stack.consumerGroups(), dropped.plus(FIRST_RUN));
                Duration drained = Duration.between(dropped, Instant.now());
                LakeReport first = lakeWriter.report(run.lake(), run.logs());
                System.out.print(SummaryPrinter.format(manifest.records(), first, run.lake(), drained));

                assertThat(first.table("bronze_titles")).hasValue(KAGGLE_RECORDS);
                assertThat(first.counter("bronzeDistinctRecordIds")).hasValue(KAGGLE_RECORDS);
                assertThat(first.counter("overlap")).as("records in both silver and quarantine").hasValue(0L);
                assertThat(first.counter("missing")).as("records in neither silver nor quarantine").hasValue(0L);
                assertThat(first.counter("silverRows").orElseThrow()
                        + first.counter("quarantineDistinctRecordIds").orElseThrow())
                        .as("silver rows + quarantined records").isEqualTo(KAGGLE_RECORDS);
                assertThat(first.counter("silverRows")).as("one silver row per show_id")
                        .isEqualTo(first.counter("silverDistinctShowIds"));
                assertThat(first.counter("goldContentCountSum")).as("gold content_count sum")
                        .isEqualTo(first.counter("silverTitleCountryPairs"));
                assertThat(Reconciliation.of(manifest.records(), first).ok()).isTrue();
                assertThat(first.fingerprints()).containsOnlyKeys(first.tables().keySet()).hasSize(4);

                progress.info("replay", "stopping the services, rewinding every group to the earliest offsets");
                stack.stopServices();
                // A stopped Kafka Streams client stays a group member until its session times out: evict it.
                Map<String, ?> reset = new ConsumerGroupReset(stack.admin()).resetToEarliest(
                        ServiceCatalog.groupIds(), ConsumerGroupReset.MemberPolicy.REMOVE_STALE, Duration.ofSeconds(5));
                assertThat(reset).containsOnlyKeys(ServiceCatalog.groupIds());
                Instant replayed = Instant.now();
                stack.startServices();
                started.addAll(stack.liveHandles());
                watcher.awaitDrained(stack.consumerGroups(), replayed.plus(REPLAY));
                LakeReport second = lakeWriter.report(run.lake(), run.logs());
                progress.info("replay", "drained again; tables " + second.tables());

                assertThat(second.tables()).isEqualTo(first.tables());
                assertThat(second.fingerprints()).isEqualTo(first.fingerprints());
                assertThat(second.reconciliation()).isEqualTo(first.reconciliation());
            } catch (Throwable failure) {
                System.err.println("end-to-end test failed: " + failure.getMessage() + "\nlogs in " + run.logs()
                        + "\n" + stack.logTails(40));
                throw failure;
            }
        }

        assertThat(started).as("processes left running: %s", started.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).collect(Collectors.joining(", ")))
                .isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }
}
