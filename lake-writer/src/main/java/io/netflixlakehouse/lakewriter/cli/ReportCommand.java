package io.netflixlakehouse.lakewriter.cli;

import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.report.LakeReport;
import io.netflixlakehouse.lakewriter.report.LakeReporter;
import io.netflixlakehouse.lakewriter.report.ReportRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: row counts, quarantine reasons, reconciliation and fingerprints of the lake. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print counts, quarantine reasons, reconciliation and fingerprints of the lake's tables.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path lakeRoot = lake.requireLakeRoot();
        if (!LakeReporter.hasTables(lakeRoot)) {
            spec.commandLine().getErr().println("lake-writer: no Delta tables under " + lakeRoot.toAbsolutePath()
                    + " (expected bronze/titles, silver/titles, quarantine/titles, gold/titles_by_type_age_country)");
            return LakeWriterMain.EXIT_USAGE;
        }
        SparkSession spark = SparkSessions.createForQueries(lake.master, "lakehouse-lake-writer-report");
        try {
            LakeReport report = new LakeReporter(spark).report(lakeRoot);
            spec.commandLine().getOut().println(json ? ReportRenderer.json(report) : ReportRenderer.text(report));
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
