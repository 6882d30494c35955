package io.netflixlakehouse.lakewriter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.lakewriter.Fixtures;
import io.netflixlakehouse.lakewriter.SparkTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.sketch.BloomFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyIndexTest extends SparkTest {

    private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType);

    @TempDir
    Path dir;
    private Path table;
    private final KeyIndex index = new KeyIndex("id");
    private int merges;

    @BeforeEach
    void createTable() {
        table = dir.resolve("t");
        DeltaTables.createIfNotExists(spark, table, SCHEMA);
    }

    @Test
    void shouldAppendNewKeysAndFollowItsOwnCommits() {
        assertThat(write("a", "b")).isTrue();
        assertThat(write("c")).isTrue();

        assertThat(merges).isZero();
        assertThat(index.coveredVersion()).isEqualTo(DeltaTables.latestVersion(spark, table)).isEqualTo(2);
    }

    @Test
    void shouldMergeABatchWithAKeyItWrote() {
        write("a", "b");

        assertThat(write("c", "a")).isFalse();

        assertThat(merges).isEqualTo(1);
        assertThat(ids()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(index.coveredVersion()).isEqualTo(DeltaTables.latestVersion(spark, table));
    }

    @Test
    void shouldMergeABatchThatRepeatsAKeyNewToTheTable() {
        write("a");

        assertThat(write("b", "c", "b")).isFalse();
        assertThat(write("d")).isTrue();

        assertThat(merges).isEqualTo(1);
        assertThat(ids()).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void shouldRebuildFromTheTableWhenAnotherWriterCommitted() {
        write("a");
        DeltaTables.append(rows("b"), table);

        assertThat(write("b")).isFalse();
        assertThat(write("d")).isTrue();

        assertThat(ids()).containsExactlyInAnyOrder("a", "b", "d");
    }

    @Test
    void shouldBuildItsFilterFromATableItNeverWrote() {
        DeltaTables.append(rows("a", "b"), table);

        assertThat(write("b", "c")).isFalse();
        assertThat(ids()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void shouldMergeEveryBatchOnceTheTableOutgrowsTheFilter() {
        KeyIndex small = new KeyIndex("id", 2);
        Dataset<Row> three = rows("a", "b", "c");
        Runnable merge = () -> {
            merges++;
            DeltaTables.forPath(spark, table).as("t").merge(three.as("s"), "t.id = s.id")
                    .whenNotMatched().insertAll().execute();
        };

        assertThat(small.write(three, table, merge)).isFalse();
        assertThat(small.write(three, table, merge)).isFalse();

        assertThat(merges).isEqualTo(2);
        assertThat(small.coveredVersion()).isEqualTo(-1);
        assertThat(ids()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void shouldBuildAFilterOfTheCapacityAskedForBeyondSparksJoinFilterCap() {
        long keys = 3_000_000;
        Dataset<String> table = recordIds(0, keys);

        BloomFilter filter = KeyIndex.filterOf(table, 2 * keys);

        // Spark's stat().bloomFilter stops at 64M bits: at 3M keys about 3 in 100,000 absent keys then look present
        assertThat(filter.bitSize()).isEqualTo(BloomFilter.create(2 * keys, KeyIndex.FALSE_POSITIVE_RATE).bitSize())
                .isGreaterThan(1L << 26);
        assertThat(table.limit(1000).collectAsList()).allMatch(filter::mightContainString);
        long falsePositives = recordIds(keys, keys + 100_000).collectAsList().stream()
                .filter(filter::mightContainString).count();
        assertThat(falsePositives).isZero();
    }

    @Test
    void shouldWriteNothingForAnEmptyBatch() {
        assertThat(write()).isFalse();

        assertThat(merges).isZero();
        assertThat(DeltaTables.latestVersion(spark, table)).isZero();
    }

    private boolean write(String... ids) {
        Dataset<Row> source = rows(ids);
        return index.write(source, table, () -> {
            merges++;
            DeltaTables.forPath(spark, table).as("t").merge(source.dropDuplicates("id").as("s"), "t.id = s.id")
                    .whenNotMatched().insertAll().execute();
        });
    }

    /** Keys shaped as record ids (32 hex digits of a SHA-256), one for each of {@code from} until {@code to}. */
    private Dataset<String> recordIds(long from, long to) {
        return spark.range(from, to).selectExpr("substr(sha2(cast(id AS STRING), 256), 1, 32)").as(Encoders.STRING());
    }

    private Dataset<Row> rows(String... ids) {
        List<Row> rows = Arrays.stream(ids).map(id -> RowFactory.create(id)).toList();
        return spark.createDataFrame(rows, SCHEMA);
    }

    private List<String> ids() {
        return DeltaTables.read(spark, table).select("id").as(Encoders.STRING()).collectAsList();
    }
}
