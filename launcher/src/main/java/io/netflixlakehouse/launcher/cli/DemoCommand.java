package io.netflixlakehouse.launcher.cli;

import io.netflixlakehouse.launcher.pipeline.DemoRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start Kafka and the four services, land a file, wait until it is in the lake, reconcile.",
                "Exit code: 0 OK, 1 failure, 2 timeout, 3 reconciliation mismatch."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    LakehouseCli parent;

    @Option(names = "--file", description = "File to land (default: <home>/data/kaggle/netflix_titles.csv).")
    Path file;

    @Option(names = "--work-dir", description = "Where run folders are created (default: <home>/.lakehouse).")
    Path workDir;

    @Option(names = "--timeout", defaultValue = "10m", description = "Limit for the whole run (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep-running", description = "Keep the pipeline up after the report, until Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() throws InterruptedException {
        Path home = parent.home();
        Path input = file == null ? home.resolve("data/kaggle/netflix_titles.csv") : file.toAbsolutePath();
        Path work = workDir == null ? home.resolve(".lakehouse") : workDir.toAbsolutePath();
        return new DemoRun(new DemoRun.Options(home, input.normalize(), work.normalize(), timeout, keepRunning),
                System.out, System.err).run();
    }
}
