package io.netflixlakehouse.lakewriter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command. */
final class LakeOptions {

    @Option(names = "--lake-root", defaultValue = "${env:LAKEHOUSE_LAKE_ROOT}",
            description = "Folder of the Delta tables (env LAKEHOUSE_LAKE_ROOT).")
    Path lakeRoot;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    Path requireLakeRoot() {
        if (lakeRoot == null) {
            throw new IllegalArgumentException("--lake-root (or env LAKEHOUSE_LAKE_ROOT) is required");
        }
        return lakeRoot;
    }
}
