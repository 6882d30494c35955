package io.netflixlakehouse.lakewriter.baseline;

import io.netflixlakehouse.lakewriter.job.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baseline}: the benchmark's yardstick, the whole pipeline's work as one Spark batch job. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Bare Spark batch job doing the pipeline's work on one CSV file: bronze, expectations,",
                "quarantine, silver and gold Delta tables under --lake-root (overwritten). Prints one JSON line."})
public final class BaselineCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, description = "The titles CSV file.")
    Path csv;

    @Option(names = "--lake-root", required = true, description = "Where the Delta tables are written.")
    Path lakeRoot;

    @Option(names = "--rules", required = true,
            description = "The quality-service's application.properties (its expectations are applied as Spark SQL).")
    Path rulesFile;

    @Option(names = "--dataset", defaultValue = "titles", description = "Dataset whose rules apply (default ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no CSV file at " + csv.toAbsolutePath());
        }
        ExpectationRules rules = ExpectationRules.load(rulesFile, dataset);
        SparkSession spark = SparkSessions.create(master, "lakehouse-baseline");
        try {
            // the expectations are SQL over raw strings: a value that does not cast is null (fails the rule), not an error
            spark.conf().set("spark.sql.ansi.enabled", "false");
            BaselineResult result = new BaselineJob(spark, rules).run(csv, lakeRoot.toAbsolutePath().normalize());
            spec.commandLine().getOut().println(result.toJson());
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
