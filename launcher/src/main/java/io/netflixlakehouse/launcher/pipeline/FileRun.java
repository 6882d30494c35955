package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.domain.LakeReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One file through a running pipeline: dropped into the landing folder, its manifest awaited, every consumer group
 * drained, then the lake report read. {@code demo} and {@code bench} both run a file this way.
 *
 * @param landed the file in the landing folder
 * @param dropped when the atomic rename made it appear
 * @param manifest its COMPLETED ingest manifest
 * @param manifestSeen when the launcher read the manifest
 * @param drained when every group was seen at lag 0 (the second of the stable polls)
 * @param report the lake report after the drain
 */
public record FileRun(Path landed, Instant dropped, FileIngested manifest, Instant manifestSeen, Instant drained,
        LakeReport report) {

    /**
     * Drops {@code file}, waits for it to go all the way through and reads the lake report.
     *
     * @throws CompletionWatcher.IngestFailedException when its manifest says FAILED or SKIPPED
     * @throws TimeoutException when the deadline passes first
     */
    public static FileRun landAndDrain(PipelineStack stack, Path home, Path file, Instant deadline, Progress progress)
            throws InterruptedException, TimeoutException {
        return landAndDrain(stack, home, file, stack.consumerGroups(), deadline, progress);
    }

    /** As above, waiting for {@code groups} only. */
    public static FileRun landAndDrain(PipelineStack stack, Path home, Path file, List<GroupInputs> groups,
            Instant deadline, Progress progress) throws InterruptedException, TimeoutException {
        Drained drained = land(stack, file, groups, deadline, progress);
        progress.info("report", "reading the lake (lake-writer report)");
        // a big lake takes the report longer: it may use what is left of the run's time, and at least the default
        Duration left = Duration.between(Instant.now(), deadline);
        LakeReport report = new LakeWriterTool(home).report(stack.run().lake(), stack.run().logs(),
                left.compareTo(LakeWriterTool.REPORT_TIMEOUT) > 0 ? left : LakeWriterTool.REPORT_TIMEOUT);
        return new FileRun(drained.landed(), drained.dropped(), drained.manifest(), drained.manifestSeen(),
                drained.drained(), report);
    }

    /**
     * Drops {@code file} and waits until its manifest is read and {@code groups} are at lag 0, without the report.
     *
     * @return its COMPLETED manifest
     */
    public static FileIngested landAndAwait(PipelineStack stack, Path file, List<GroupInputs> groups,
            Instant deadline, Progress progress) throws InterruptedException, TimeoutException {
        return land(stack, file, groups, deadline, progress).manifest();
    }

    private static Drained land(PipelineStack stack, Path file, List<GroupInputs> groups, Instant deadline,
            Progress progress) throws InterruptedException, TimeoutException {
        Path landed = LandingDrop.drop(file, stack.run().landing());
        Instant dropped = Instant.now();
        progress.info("landing", "dropped " + landed);
        CompletionWatcher watcher = new CompletionWatcher(stack.bootstrapServers(), stack.admin(),
                stack::checkAlive, progress);
        FileIngested manifest = watcher.awaitManifest(landed, deadline);
        Instant manifestSeen = Instant.now();
        progress.info("ingest", "manifest " + manifest.status() + ": " + manifest.records() + " records");
        watcher.awaitDrained(groups, deadline);
        Instant drained = Instant.now();
        progress.info("drain", "every consumer group is at lag 0");
        return new Drained(landed, dropped, manifest, manifestSeen, drained);
    }

    private record Drained(Path landed, Instant dropped, FileIngested manifest, Instant manifestSeen,
            Instant drained) {
    }
}
