package io.netflixlakehouse.lakewriter.cli;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.job.SparkSessions;
import io.netflixlakehouse.lakewriter.report.ResultTable;
import io.netflixlakehouse.lakewriter.sink.DeltaTables;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sql}: runs one query over the lake's tables, registered as temp views. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a SQL query over bronze_titles, silver_titles, quarantine_titles, "
                + "gold_titles_by_type_age_country and quality_events.")
final class SqlCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Option(names = "--limit", defaultValue = "50", description = "Most rows printed (default ${DEFAULT-VALUE}).")
    int limit;


    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
    String query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path lakeRoot = lake.requireLakeRoot();
        SparkSession spark = SparkSessions.createForQueries(lake.master, "lakehouse-lake-writer-sql");
        try {
            int registered = 0;
            for (LakeTable table : LakeTable.values()) {
                if (DeltaTables.exists(table.path(lakeRoot))) {
                    DeltaTables.read(spark, table.path(lakeRoot)).createOrReplaceTempView(table.viewName());
                    registered++;
                }
            }
            if (registered == 0) {
                spec.commandLine().getErr().println("lake-writer: no Delta tables under " + lakeRoot.toAbsolutePath());
                return LakeWriterMain.EXIT_USAGE;
            }
            spec.commandLine().getOut().print(ResultTable.render(spark.sql(query), limit));
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
