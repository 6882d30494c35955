package io.netflixlakehouse.launcher.cli;

import io.netflixlakehouse.launcher.pipeline.LakeWriterTool;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a Spark SQL query over the Delta tables (each table is a view named after its folder).")
final class SqlCommand implements Callable<Integer> {

    @ParentCommand
    LakehouseCli parent;

    @Option(names = "--lake-root", description = "Folder of the Delta tables (default: the newest demo run's).")
    Path lakeRoot;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
    String query;

    @Override
    public Integer call() throws InterruptedException {
        Path lake = LakeRoots.resolve(lakeRoot, parent.home());
        return new LakeWriterTool(parent.home()).delegate(List.of("sql", "--lake-root", lake.toString(), query));
    }
}
