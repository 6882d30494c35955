package io.netflixlakehouse.benchmark.jmh;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the hot-path micro-benchmarks (one thread each, so every figure is per core) and prints them in the units
 * the targets use: CSV parse in MB/s, rule evaluation and serialisation in records/s.
 * {@code java -jar benchmark/target/benchmarks.jar [regex]} from the repository root.
 */
public final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(args.length > 0 ? args[0] : "io\\.netflixlakehouse\\.benchmark\\.jmh\\..*Benchmark.*")
                .forks(1)
                .threads(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-D" + TitlesInput.CSV_PROPERTY + "=" + TitlesInput.csvPath().toAbsolutePath(),
                        "-D" + RuleEvaluationBenchmark.RULES_PROPERTY + "=" + java.nio.file.Path.of(System.getProperty(
                                RuleEvaluationBenchmark.RULES_PROPERTY, RuleEvaluationBenchmark.DEFAULT_RULES))
                                .toAbsolutePath())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double fileMegabytes = TitlesInput.csvBytes().length / 1e6;
        System.out.println();
        System.out.println("Per core (one thread):");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            if (name.equals("parseFile")) {
                System.out.printf(Locale.ROOT, "  %-22s %10.1f MB/s  (+- %.1f; %.2f MB file, %,.0f files/s)%n",
                        "csv parse", score * fileMegabytes, error * fileMegabytes, fileMegabytes, score);
            } else {
                System.out.printf(Locale.ROOT, "  %-22s %,14.0f records/s  (+- %,.0f)%n", name, score, error);
            }
        }
    }
}
