package io.netflixlakehouse.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netflixlakehouse.benchmark.generator.GeneratorSettings;
import io.netflixlakehouse.benchmark.generator.SourceProfile;
import io.netflixlakehouse.benchmark.generator.TitlesCsvGenerator;
import io.netflixlakehouse.launcher.domain.CpuTimes;
import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.domain.Percentiles;
import io.netflixlakehouse.launcher.domain.Reconciliation;
import io.netflixlakehouse.launcher.domain.StageSample;
import io.netflixlakehouse.launcher.domain.StageThroughput;
import io.netflixlakehouse.launcher.domain.SummaryPrinter;
import io.netflixlakehouse.launcher.pipeline.CompletionWatcher;
import io.netflixlakehouse.launcher.pipeline.DemoRun;
import io.netflixlakehouse.launcher.pipeline.FileRun;
import io.netflixlakehouse.launcher.pipeline.PipelineStack;
import io.netflixlakehouse.launcher.pipeline.Progress;
import io.netflixlakehouse.launcher.pipeline.RunLayout;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import io.netflixlakehouse.launcher.pipeline.StackStart;
import io.netflixlakehouse.launcher.kafka.VisibleRecords;
import io.netflixlakehouse.launcher.process.ManagedProcess;
import io.netflixlakehouse.launcher.process.ProcessExitedException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code lakehouse bench}: generates a titles file, runs it through the real pipeline (throughput, per-stage
 * throughput, lag over time, peak memory, reconciliation), measures freshness with small files, then runs the bare
 * Spark baseline on the same file, and writes {@code bench-summary.json} next to a printed summary. A run whose
 * lake does not reconcile is a failed run, however fast.
 */
public final class BenchRun {

    /** Name of the machine-readable summary in the out folder. */
    public static final String SUMMARY_FILE = "bench-summary.json";
    public static final int FRESHNESS_ROWS = 100;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final Duration MAX_START = Duration.ofMinutes(3);
    /** The lake-writer's log line once every query runs. */
    static final String LAKE_WRITER_STREAMING = "lake-writer streaming into";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param home the repository root
     * @param rows rows of the generated file
     * @param seed the generator's seed
     * @param freshnessFiles small files dropped one at a time after the big one (0: no freshness figures)
     * @param warmUpRows rows of a file run through the stack before the measured one, not measured (0: none)
     * @param skipBaseline leave out the bare Spark run
     * @param outDir where the generated files, the baseline's lake, the run folder and the summary go
     * @param timeout for the pipeline part (start, file, freshness); the baseline has as long again
     */
    public record Options(Path home, long rows, long seed, int freshnessFiles, long warmUpRows,
            boolean skipBaseline, Path outDir, Duration timeout) {
    }

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    public BenchRun(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public int run() throws InterruptedException {
        Progress progress = new Progress(out);
        Path outDir = options.outDir().toAbsolutePath().normalize();
        ObjectNode summary = MAPPER.createObjectNode();
        summary.put("rows", options.rows());
        summary.put("seed", options.seed());
        summary.put("startedAt", Instant.now().toString());
        summary.set("machine", MAPPER.valueToTree(Machine.current()));

        Path csv;
        List<Path> freshness;
        Path warmUp = null;
        try {
            SourceProfile profile = SourceProfile.learn(options.home().resolve("data/kaggle/netflix_titles.csv"));
            csv = generate(profile, GeneratorSettings.realistic(profile, options.rows(), options.seed(), 1.0),
                    outDir.resolve("titles-" + options.rows() + "-seed" + options.seed() + ".csv"), progress);
            freshness = new ArrayList<>();
            for (int i = 1; i <= options.freshnessFiles(); i++) {
                // new titles: each file continues the catalogue after the big file and the files before it
                long firstShowId = options.rows() + (long) (i - 1) * FRESHNESS_ROWS + 1;
                GeneratorSettings settings = GeneratorSettings.realistic(profile, FRESHNESS_ROWS, options.seed() + i,
                        1.0).startingAt(firstShowId);
                freshness.add(generate(profile, settings, outDir.resolve("freshness").resolve(
                        String.format(Locale.ROOT, "titles-fresh-%03d-s%d.csv", i, firstShowId)), null));
            }
            if (options.warmUpRows() > 0) {
                // titles of their own, after the freshness files', so the measured file's are as new as without it
                long firstShowId = options.rows() + (long) options.freshnessFiles() * FRESHNESS_ROWS + 1;
                GeneratorSettings settings = GeneratorSettings.realistic(profile, options.warmUpRows(),
                        options.seed() - 1, 1.0).startingAt(firstShowId);
                warmUp = generate(profile, settings, outDir.resolve("warm-up").resolve(String.format(Locale.ROOT,
                        "titles-warm-up-%d-s%d.csv", options.warmUpRows(), firstShowId)), progress);
            }
            summary.put("file", csv.toString());
            summary.put("fileBytes", Files.size(csv));
        } catch (IOException | RuntimeException e) {
            err.println("FAILED to generate the input: " + e.getMessage());
            return DemoRun.FAILED;
        }

        int code = pipeline(csv, warmUp, freshness, outDir, summary, progress);
        if (code == DemoRun.OK && !options.skipBaseline()) {
            code = baseline(csv, outDir, summary, progress);
        }
        summary.put("verdict", code == DemoRun.OK ? "OK" : code == DemoRun.MISMATCH ? "MISMATCH" : "FAILED");
        summary.put("load1mAtEnd", Machine.currentLoad());
        try {
            Files.createDirectories(outDir);
            MAPPER.writeValue(outDir.resolve(SUMMARY_FILE).toFile(), summary);
        } catch (IOException e) {
            err.println("FAILED to write the summary: " + e.getMessage());
            return DemoRun.FAILED;
        }
        out.println();
        out.print(BenchText.format(summary));
        out.println("Summary: " + outDir.resolve(SUMMARY_FILE));
        return code;
    }

    private int pipeline(Path csv, Path warmUp, List<Path> freshness, Path outDir, ObjectNode summary,
            Progress progress) throws InterruptedException {
        Instant deadline = Instant.now().plus(options.timeout());
        RunLayout run = RunLayout.createUnder(outDir);
        summary.put("runFolder", run.root().toString());
        progress.info("run", run.root().toString());
        StackStart started = StackStart.start(options.home(), run, MAX_START, progress, err);
        if (started.stack() == null) {
            return started.exitCode();
        }
        PipelineStack stack = started.stack();
        Thread hook = StackStart.addStopHook(stack, progress);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakehouse-bench-sampler");
            t.setDaemon(true);
            return t;
        });
        ProcessSampler memory = new ProcessSampler(() -> processTrees(stack));
        try {
            awaitLakeWriterStreaming(stack, deadline, progress);
        } catch (TimeoutException | ProcessExitedException e) {
            err.println("FAILED: the lake-writer did not start streaming: " + e.getMessage());
            sampler.shutdownNow();
            stack.close();
            StackStart.removeStopHook(hook);
            return DemoRun.FAILED;
        }
        VisibleRecords probe = new VisibleRecords(stack.bootstrapServers());
        try {
            long warmedUp = warmUp == null ? 0 : warmUp(stack, warmUp, summary, deadline, progress);
            memory.sample();
            CpuTimes cpuAtDrop = memory.cpu();
            Instant dropAt = Instant.now();
            StageSampler stages = new StageSampler(stack.admin(), probe, measuredGroups(stack), dropAt);
            sampler.scheduleWithFixedDelay(() -> sample(stages, memory, progress), 0, SAMPLE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            FileRun file = FileRun.landAndDrain(stack, options.home(), csv, measuredGroups(stack), deadline, progress);
            memory.sample();
            CpuTimes cpu = memory.cpu().since(cpuAtDrop);
            long landed = file.manifest().records();
            double seconds = endToEndMillis(stages.samples(), file, dropAt) / 1000.0;
            // the lake holds the warm-up file's rows too
            Reconciliation reconciliation = Reconciliation.of(warmedUp + landed, file.report());
            ObjectNode pipeline = summary.putObject("pipeline");
            pipeline.put("records", landed);
            pipeline.put("seconds", seconds);
            pipeline.put("rowsPerSecond", landed / seconds);
            // the ingest group commits one blob event per file: its rows/s come from the manifest instead
            double ingestSeconds = Duration.between(file.dropped(), file.manifestSeen()).toMillis() / 1000.0;
            pipeline.put("ingestSeconds", ingestSeconds);
            pipeline.put("ingestRowsPerSecond", landed / Math.max(0.001, ingestSeconds));
            pipeline.put("drainedSeconds", Duration.between(file.dropped(), file.drained()).toMillis() / 1000.0);
            pipeline.set("tables", MAPPER.valueToTree(file.report().tables()));
            ObjectNode recon = pipeline.putObject("reconciliation");
            recon.put("ok", reconciliation.ok());
            ArrayNode checks = recon.putArray("checks");
            reconciliation.checks().forEach(c -> checks.addObject().put("name", c.name()).put("detail", c.detail())
                    .put("ok", c.known() && c.ok()));
            putStages(pipeline, stages.samples(), stack);
            putCpu(pipeline.putObject("cpu"), cpu, landed,
                    Duration.between(file.dropped(), file.drained()).toMillis() / 1000.0);
            if (!freshness.isEmpty()) {
                summary.set("freshness", freshness(stack, freshness, deadline, progress));
            }
            return reconciliation.ok() ? DemoRun.OK : DemoRun.MISMATCH;
        } catch (ProcessExitedException | CompletionWatcher.IngestFailedException e) {
            err.println("FAILED: " + e.getMessage());
            return DemoRun.FAILED;
        } catch (TimeoutException e) {
            err.println("TIMEOUT after " + options.timeout() + ": " + e.getMessage());
            err.println(stack.logTails(25));
            return DemoRun.TIMED_OUT;
        } catch (RuntimeException e) {
            err.println("FAILED: " + e.getMessage());
            err.println(stack.logTails(25));
            return DemoRun.FAILED;
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            memory.sample();
            putMemory(summary.putObject("memory"), memory);
            probe.close();
            progress.info("stop", "stopping the services, then the broker");
            stack.close();
            StackStart.removeStopHook(hook);
        }
    }

    /**
     * Runs the warm-up file through the stack, every table committed, before the measured drop: a pipeline in service
     * has run its code paths before, and their compilation (a quarter of the stack's CPU in the first million
     * records) is then not counted against the file.
     *
     * @return its landed records
     */
    private long warmUp(PipelineStack stack, Path file, ObjectNode summary, Instant deadline, Progress progress)
            throws InterruptedException, TimeoutException {
        progress.info("warm-up", "running " + file.getFileName() + " through the stack (not measured)");
        long start = System.nanoTime();
        long records = FileRun.landAndAwait(stack, file, measuredGroups(stack), deadline, progress).records();
        double seconds = (System.nanoTime() - start) / 1e9;
        summary.putObject("warmUp").put("records", records).put("seconds", seconds);
        progress.info("warm-up", String.format(Locale.ROOT, "%,d records in %.1f s", records, seconds));
        return records;
    }

    /**
     * Waits for the lake-writer's "streaming into" line (every query started): the file is dropped into a pipeline
     * whose every stage runs, so the figures do not count the lake-writer's Spark start-up.
     */
    private static void awaitLakeWriterStreaming(PipelineStack stack, Instant deadline, Progress progress)
            throws InterruptedException, TimeoutException {
        Path log = stack.run().log(ServiceCatalog.LAKE_WRITER);
        while (true) {
            stack.checkAlive();
            try {
                if (Files.isRegularFile(log) && Files.readString(log).contains(LAKE_WRITER_STREAMING)) {
                    progress.info("ready", ServiceCatalog.LAKE_WRITER + " (every query started)");
                    return;
                }
            } catch (IOException | UncheckedIOException e) {
                // The log is being written: read it again on the next poll.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("no '" + LAKE_WRITER_STREAMING + "' line in " + log);
            }
            progress.update("start", "waiting for the lake-writer's queries");
            Thread.sleep(500);
        }
    }

    /**
     * Drop to drained, from the samples: the first sample after the manifest from which every later sample sees
     * every group at lag 0 (the watcher's own drain needs two polls a second apart, which this does not count).
     */
    static long endToEndMillis(List<StageSample> samples, FileRun file, Instant dropAt) {
        long manifestAt = Duration.between(dropAt, file.manifestSeen()).toMillis();
        Long end = null;
        for (StageSample sample : samples) {
            if (!sample.drained()) {
                end = null;
            } else if (end == null && sample.elapsedMillis() >= manifestAt) {
                end = sample.elapsedMillis();
            }
        }
        long dropOffset = Duration.between(dropAt, file.dropped()).toMillis();
        long drained = Duration.between(file.dropped(), file.drained()).toMillis();
        return end == null ? drained : Math.max(1L, Math.min(drained, end - dropOffset));
    }

    private void sample(StageSampler stages, ProcessSampler memory, Progress progress) {
        try {
            memory.sample();
            List<StageSample> before = stages.samples();
            StageSample now = stages.sample();
            StageSample previous = before.isEmpty() ? now : before.get(before.size() - 1);
            double dt = Math.max(1, now.elapsedMillis() - previous.elapsedMillis()) / 1000.0;
            String rates = now.committed().entrySet().stream()
                    .map(e -> shortName(e.getKey()) + " lag " + now.lag().get(e.getKey()) + " "
                            + Math.round((e.getValue() - previous.committed().getOrDefault(e.getKey(), 0L)) / dt)
                            + "/s")
                    .collect(Collectors.joining(" | "));
            progress.update("bench", rates + " | rss " + memory.total().sampledPeakBytes() / (1 << 20) + " MiB");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // One failed reading (the broker busy, a process just gone) leaves a gap in the series, nothing more.
            progress.update("bench", "sample skipped: " + e.getMessage());
        }
    }

    private static String shortName(String group) {
        return group.replace("lakehouse-", "");
    }

    private ObjectNode freshness(PipelineStack stack, List<Path> files, Instant deadline, Progress progress)
            throws InterruptedException, TimeoutException {
        List<Double> seconds = new ArrayList<>();
        List<Double> manifest = new ArrayList<>();
        List<Double> curated = new ArrayList<>();
        List<Double> settled = new ArrayList<>();
        CompletionWatcher watcher = new CompletionWatcher(stack.bootstrapServers(), stack.admin(), stack::checkAlive,
                progress);
        try (FreshnessProbe probe = new FreshnessProbe(stack)) {
            for (Path file : files) {
                long dropped = System.nanoTime();
                FreshnessProbe.Measurement m = probe.measure(file, deadline);
                // one file at a time: the next lands once every table, the bulk ones too, has committed this one
                watcher.awaitDrained(measuredGroups(stack), deadline);
                settled.add((System.nanoTime() - dropped) / 1e9);
                seconds.add(m.visible());
                manifest.add(m.manifest());
                curated.add(m.curated());
                progress.info("freshness", String.format(Locale.ROOT,
                        "%s visible after %.2f s (manifest %.2f s, curated %.2f s; every table within %.1f s) (%d/%d)",
                        file.getFileName(), m.visible(), m.manifest(), m.curated(), settled.get(settled.size() - 1),
                        seconds.size(), files.size()));
            }
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("files", files.size());
        node.put("rowsPerFile", FRESHNESS_ROWS);
        node.put("p50Seconds", Percentiles.of(seconds, 50));
        node.put("p99Seconds", Percentiles.of(seconds, 99));
        node.put("maxSeconds", seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        // where the time goes: the ingest manifest, then the last record past quality and curation
        node.put("p50ManifestSeconds", Percentiles.of(manifest, 50));
        node.put("p50CuratedSeconds", Percentiles.of(curated, 50));
        // to every group at lag 0 on two polls a second apart: an upper bound, to the second
        node.put("p50SettledSeconds", Percentiles.of(settled, 50));
        ArrayNode all = node.putArray("seconds");
        seconds.forEach(all::add);
        return node;
    }

    private int baseline(Path csv, Path outDir, ObjectNode summary, Progress progress) throws InterruptedException {
        progress.info("baseline", "bare Spark batch job (local[2]) on " + csv.getFileName());
        Path lake = outDir.resolve("baseline-lake");
        try {
            deleteTree(lake);
            BaselineRunner.Outcome outcome = new BaselineRunner(options.home(), progress)
                    .run(csv, lake, outDir.resolve("baseline.log"), options.timeout());
            ObjectNode node = summary.putObject("baseline");
            double seconds = outcome.wallMillis() / 1000.0;
            long rows = outcome.result().path("rows").asLong();
            node.put("seconds", seconds);
            node.put("rows", rows);
            node.put("rowsPerSecond", rows / seconds);
            node.put("peakRssBytes", Math.max(outcome.peak().sampledPeakBytes(), outcome.peak().highWaterBytes()));
            node.put("cpuSeconds", outcome.cpu().toMillis() / 1000.0);
            node.put("cpuMicrosPerRecord", CpuTimes.microsPerRecord(outcome.cpu(), rows));
            node.put("coresBusy", outcome.cpu().toMillis() / 1000.0 / seconds);
            node.set("result", outcome.result());
            node.put("lake", lake.toString());
            JsonNode pipeline = summary.path("pipeline");
            if (pipeline.has("seconds")) {
                // pipeline time over baseline time: below 1 the pipeline is faster
                summary.put("ratioPipelineToBaseline", pipeline.path("seconds").asDouble() / seconds);
                summary.put("throughputVsBaseline", pipeline.path("rowsPerSecond").asDouble() / (rows / seconds));
            }
            return DemoRun.OK;
        } catch (TimeoutException e) {
            err.println("TIMEOUT: " + e.getMessage());
            return DemoRun.TIMED_OUT;
        } catch (RuntimeException | IOException e) {
            err.println("FAILED: baseline: " + e.getMessage());
            return DemoRun.FAILED;
        }
    }

    private static void putStages(ObjectNode pipeline, List<StageSample> samples, PipelineStack stack) {
        List<String> groups = measuredGroups(stack).stream().map(g -> g.group()).toList();
        ObjectNode stages = pipeline.putObject("stages");
        StageThroughput.of(groups, samples).forEach((group, t) -> stages.putObject(group)
                .put("records", t.records())
                .put("activeSeconds", t.activeMillis() / 1000.0)
                .put("recordsPerSecond", t.recordsPerSecond()));
        ArrayNode series = pipeline.putArray("lagOverTime");
        for (StageSample sample : samples) {
            ObjectNode point = series.addObject();
            point.put("seconds", sample.elapsedMillis() / 1000.0);
            ObjectNode lag = point.putObject("lag");
            groups.forEach(g -> lag.put(g, sample.lag().getOrDefault(g, 0L)));
            ObjectNode committed = point.putObject("committed");
            groups.forEach(g -> committed.put(g, sample.committed().getOrDefault(g, 0L)));
        }
    }

    /**
     * CPU spent from the drop until the lake drained, per process tree: seconds, microseconds per landed record,
     * and how many cores it kept busy on average over that time.
     */
    private static void putCpu(ObjectNode node, CpuTimes cpu, long records, double wallSeconds) {
        ObjectNode processes = node.putObject("processes");
        cpu.byName().forEach((name, spent) -> processes.putObject(name)
                .put("seconds", spent.toMillis() / 1000.0)
                .put("microsPerRecord", CpuTimes.microsPerRecord(spent, records)));
        node.put("totalSeconds", cpu.total().toMillis() / 1000.0);
        node.put("microsPerRecord", CpuTimes.microsPerRecord(cpu.total(), records));
        node.put("coresBusy", cpu.total().toMillis() / 1000.0 / Math.max(0.001, wallSeconds));
    }

    private static void putMemory(ObjectNode node, ProcessSampler memory) {
        ObjectNode processes = node.putObject("processes");
        memory.peaks().forEach((name, peak) -> processes.putObject(name)
                .put("peakRssBytes", peak.sampledPeakBytes())
                .put("highWaterBytes", peak.highWaterBytes()));
        node.put("totalPeakRssBytes", memory.total().sampledPeakBytes());
        node.put("totalHighWaterBytes", memory.total().highWaterBytes());
    }

    /**
     * The groups the run waits for and measures: every group after ingest. The ingest's own group consumes blob
     * events (one per file); the file's COMPLETED manifest already says its rows are on the raw topic, and its
     * blob event's commit is a matter of the consumer's commit strategy, not of the data.
     */
    static List<GroupInputs> measuredGroups(PipelineStack stack) {
        return stack.consumerGroups().stream()
                .filter(g -> !g.group().equals(ServiceCatalog.INGEST_GROUP))
                .toList();
    }

    private static Map<String, List<ProcessHandle>> processTrees(PipelineStack stack) {
        Map<String, List<ProcessHandle>> trees = new LinkedHashMap<>();
        trees.put("kafka", stack.broker().process().liveHandles());
        for (String name : ServiceCatalog.NAMES) {
            trees.put(name, stack.process(name).map(ManagedProcess::liveHandles).orElse(List.of()));
        }
        return trees;
    }

    /** Writes a generated file once: the same rows and seed give the same bytes, so an existing file is reused. */
    private static Path generate(SourceProfile profile, GeneratorSettings settings, Path target, Progress progress)
            throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            if (progress != null) {
                progress.info("generate", "reusing " + target);
            }
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        long start = System.nanoTime();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp),
                StandardCharsets.UTF_8), 1 << 20)) {
            TitlesCsvGenerator.write(profile, settings, writer);
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (progress != null) {
            progress.info("generate", String.format(Locale.ROOT, "%,d rows, %,d bytes in %s: %s", settings.rows(),
                    Files.size(target), SummaryPrinter.formatDuration(Duration.ofNanos(System.nanoTime() - start)),
                    target));
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
