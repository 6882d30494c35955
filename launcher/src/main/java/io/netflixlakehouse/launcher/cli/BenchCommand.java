package io.netflixlakehouse.launcher.cli;

import io.netflixlakehouse.launcher.bench.BenchRun;
import io.netflixlakehouse.launcher.pipeline.DemoRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark: generate a titles file, run it through the whole pipeline, measure freshness with",
                "small files, run the bare Spark baseline on the same file, print and write bench-summary.json.",
                "Exit code: 0 OK, 1 failure, 2 timeout, 3 reconciliation mismatch (a fast run that loses rows fails)."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    LakehouseCli parent;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows of the generated file (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--freshness-files", defaultValue = "20",
            description = "100-row files dropped one at a time for freshness (default: ${DEFAULT-VALUE}; 0: none).")
    int freshnessFiles;

    @Option(names = "--warm-up-rows", defaultValue = "50000",
            description = "Rows of a file run through the stack before the measured one, not measured"
                    + " (default: ${DEFAULT-VALUE}; 0: a cold stack).")
    long warmUpRows;

    @Option(names = "--skip-baseline", description = "Leave out the bare Spark baseline.")
    boolean skipBaseline;

    @Option(names = "--out", description = "Folder for the files, runs and bench-summary.json (default: <home>/.lakehouse/bench).")
    Path out;

    @Option(names = "--timeout", defaultValue = "30m",
            description = "Limit for the pipeline part; the baseline gets as long again (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        String invalid = rows < 1 ? "--rows must be 1 or more, was " + rows
                : freshnessFiles < 0 ? "--freshness-files must be 0 or more, was " + freshnessFiles
                : warmUpRows < 0 ? "--warm-up-rows must be 0 or more, was " + warmUpRows
                : null;
        if (invalid != null) {
            System.err.println("FAILED: " + invalid);
            return DemoRun.FAILED;
        }
        Path home = parent.home();
        Path outDir = out == null ? home.resolve(".lakehouse/bench") : out.toAbsolutePath();
        return new BenchRun(new BenchRun.Options(home, rows, seed, freshnessFiles, warmUpRows, skipBaseline,
                outDir.normalize(), timeout), System.out, System.err).run();
    }
}
