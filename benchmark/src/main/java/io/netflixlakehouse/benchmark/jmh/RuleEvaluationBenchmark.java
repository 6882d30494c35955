package io.netflixlakehouse.benchmark.jmh;

import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.quality.domain.DatasetDefinition;
import io.netflixlakehouse.quality.domain.QualityGate;
import io.netflixlakehouse.quality.domain.RuleDefinition;
import io.netflixlakehouse.quality.domain.RuleSetCompiler;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The shipped rule set (quality-service's application.properties, system property {@code bench.rules}) compiled by
 * the quality domain's {@link RuleSetCompiler} and applied by {@link QualityGate#judge}: one operation judges one
 * record of the Kaggle file (cycling through all of them), so ops/s = records/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEvaluationBenchmark {

    static final String RULES_PROPERTY = "bench.rules";
    static final String DEFAULT_RULES = "quality-service/src/main/resources/application.properties";
    private static final String PREFIX = "lakehouse.quality.datasets.titles.";

    RawRecord[] records;
    QualityGate gate;
    int next;

    @Setup
    public void setUp() {
        records = TitlesInput.rawRecords(TitlesInput.csvBytes()).toArray(RawRecord[]::new);
        gate = new QualityGate(List.of(new RuleSetCompiler(Clock.systemUTC()).compile(shippedRules())),
                Clock.systemUTC());
    }

    @Benchmark
    public Object judge() {
        RawRecord record = records[next];
        next = next + 1 == records.length ? 0 : next + 1;
        return gate.judge(record);
    }

    static DatasetDefinition shippedRules() {
        Path file = Path.of(System.getProperty(RULES_PROPERTY, DEFAULT_RULES));
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath()
                    + " (run from the repository root or set -D" + RULES_PROPERTY + ")", e);
        }
        TreeSet<String> names = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith(PREFIX + "rules.") && k.endsWith(".expression"))
                .forEach(k -> names.add(k.substring((PREFIX + "rules.").length(), k.length() - ".expression".length())));
        List<RuleDefinition> rules = new ArrayList<>();
        for (String name : names) {
            rules.add(new RuleDefinition(name, properties.getProperty(PREFIX + "rules." + name + ".expression"),
                    properties.getProperty(PREFIX + "rules." + name + ".action", "quarantine")));
        }
        return new DatasetDefinition("titles", properties.getProperty(PREFIX + "rule-set-version"),
                Arrays.stream(properties.getProperty(PREFIX + "columns").split(",")).map(String::trim).toList(),
                rules);
    }
}
