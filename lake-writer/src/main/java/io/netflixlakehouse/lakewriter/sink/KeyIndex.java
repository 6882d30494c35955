package io.netflixlakehouse.lakewriter.sink;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * The keys a Delta table holds, as its writer knows them: a Bloom filter of the key column at one table version.
 * A batch of distinct keys none of which the filter may hold is new to the table and is appended as it is; a batch
 * that repeats a key (a record delivered twice within the batch) or has a key that may be there (a re-delivery, a
 * replay, a newer version of a row, or one false positive in a million keys) is reduced to one row per key and
 * MERGEd. So a new batch costs neither the reduction's shuffle nor a join against the whole table, and a repeated
 * one is still never duplicated.
 *
 * <p>The filter is built from the table (one scan of the key column) when there is none, when the table has a
 * version this writer did not make (another writer, a restore) and when it fills up; it then has room for twice
 * the keys, up to {@link #MAX_KEYS}; once the table has outgrown that, every batch is MERGEd without a filter
 * for the rest of the writer's life (tables only grow; a restart looks again). After each commit the batch's keys are
 * added, provided the commit took the table exactly one version further; otherwise the filter is dropped and
 * rebuilt next time.
 * Driver only, one per table and writer; not thread-safe (a query runs one batch at a time).
 */
final class KeyIndex {

    /** One false positive in a million keys: a batch of 100,000 new keys is MERGEd one time in ten. */
    static final double FALSE_POSITIVE_RATE = 1e-6;
    static final long MIN_KEYS = 100_000;
    /** 16M keys take 55 MiB of the driver's heap; a larger table is MERGEd batch by batch. */
    static final long MAX_KEYS = 16_000_000;

    private final String key;
    private final long maxKeys;
    private BloomFilter filter;
    private boolean outgrown;
    private long version = -1;
    private long keys;
    private long capacity;

    KeyIndex(String key) {
        this(key, MAX_KEYS);
    }

    KeyIndex(String key, long maxKeys) {
        this.key = Objects.requireNonNull(key, "key");
        this.maxKeys = maxKeys;
    }

    /**
     * Writes {@code source} (persisted by the caller: it is read twice) to the table at {@code path}: an append
     * when its keys are distinct and none may be in the table, otherwise {@code merge} (which reduces the batch to
     * one row per key first).
     *
     * @return true when it was appended; false when it was MERGEd or empty (nothing written)
     */
    boolean write(Dataset<Row> source, Path path, Runnable merge) {
        if (outgrown) {
            merge.run();
            return false;
        }
        SparkSession spark = source.sparkSession();
        List<String> batchKeys = source.select(key).as(Encoders.STRING()).collectAsList();
        if (batchKeys.isEmpty()) {
            return false;
        }
        long before = DeltaTables.latestVersion(spark, path);
        boolean appended = distinct(batchKeys) && covers(spark, path, before, batchKeys.size()) && noneIn(batchKeys);
        if (appended) {
            DeltaTables.append(source, path);
        } else {
            merge.run();
        }
        committed(batchKeys, before, DeltaTables.knownVersion(spark, path));
        return appended;
    }

    /** The table version the filter stands for; -1 when there is none. */
    long coveredVersion() {
        return filter == null ? -1 : version;
    }

    /** Whether the filter stands for the table at {@code current} with room for {@code incoming} more keys. */
    private boolean covers(SparkSession spark, Path path, long current, long incoming) {
        if (filter != null && version == current && keys + incoming <= capacity) {
            return true;
        }
        filter = null;
        Dataset<Row> table = DeltaTables.readVersion(spark, path, current).select(key);
        long rows = table.count();
        long wanted = Math.min(maxKeys, Math.max(MIN_KEYS, 2 * (rows + incoming)));
        if (rows + incoming > wanted) {
            outgrown = true;
            return false;
        }
        filter = filterOf(table.as(Encoders.STRING()), wanted);
        capacity = wanted;
        keys = rows;
        version = current;
        return true;
    }

    /**
     * A filter with room for {@code capacity} keys holding every non-null one of {@code keys}, built on the driver a
     * partition at a time. Not {@code stat().bloomFilter}: Spark builds that with its runtime join filter's
     * aggregate, which caps it at {@code spark.sql.optimizer.runtime.bloomFilter.maxNumBits} (64M bits) whatever
     * the capacity asked for, so past about 2.3M keys it fills up and nearly every batch would be MERGEd.
     */
    static BloomFilter filterOf(Dataset<String> keys, long capacity) {
        BloomFilter built = BloomFilter.create(capacity, FALSE_POSITIVE_RATE);
        Iterator<String> it = keys.toLocalIterator();
        while (it.hasNext()) {
            String k = it.next();
            if (k != null) {
                built.putString(k);
            }
        }
        return built;
    }

    /** No key twice, and at most one null key (a reduction keeps one row per key, null included). */
    private static boolean distinct(List<String> batchKeys) {
        return new HashSet<>(batchKeys).size() == batchKeys.size();
    }

    private boolean noneIn(List<String> batchKeys) {
        for (String k : batchKeys) {
            // a null key matches no row, so MERGE would insert it as an append does
            if (k != null && filter.mightContainString(k)) {
                return false;
            }
        }
        return true;
    }

    private void committed(List<String> batchKeys, long before, long after) {
        if (filter == null || version != before || after != before + 1) {
            filter = null;
            return;
        }
        for (String k : batchKeys) {
            if (k != null) {
                filter.putString(k);
            }
        }
        keys += batchKeys.size();
        version = after;
    }
}
