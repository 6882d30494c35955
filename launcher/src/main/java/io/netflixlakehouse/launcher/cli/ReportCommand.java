package io.netflixlakehouse.launcher.cli;

import io.netflixlakehouse.launcher.pipeline.LakeWriterTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rows per table, quarantine reasons, reconciliation and fingerprints of a lake.")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    LakehouseCli parent;

    @Option(names = "--lake-root", description = "Folder of the Delta tables (default: the newest demo run's).")
    Path lakeRoot;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Path lake = LakeRoots.resolve(lakeRoot, parent.home());
        List<String> args = new ArrayList<>(List.of("report", "--lake-root", lake.toString()));
        if (json) {
            args.add("--json");
        }
        return new LakeWriterTool(parent.home()).delegate(args);
    }
}
