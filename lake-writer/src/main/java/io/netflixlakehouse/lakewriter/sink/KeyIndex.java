package io.netflixlakehouse.lakewriter.sink;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * The keys a Delta table holds, as its writer knows them: a Bloom filter of the key column at one table version.
 * A batch of distinct keys none of which the filter may hold is new to the table and is appended as it is; a batch
 * that repeats a key (a record delivered twice within the batch) or has a key that may be there (a re-delivery, a
 * replay, a newer version of a row, or one false positive in a million keys) is reduced to one row per key and
 * MERGEd. So a new batch costs neither the reduction's shuffle nor a join against the whole table, and a repeated
 * one is still never duplicated.
 *
 * <p>Two ways to learn a batch's keys. After a batch that was appended, the next is <em>staged</em>: its rows are
 * written as data files of the table in one pass, their keys gathered as they are written, and the files are
 * committed as an append only if the keys pass, or deleted before the batch is MERGEd. After a MERGE (a replay
 * is a run of them), and for the first batch, the keys are <em>collected first</em> from the batch, kept in
 * memory for the write that follows; so a run of MERGEs never writes its batches twice. (A staged batch with no
 * rows at all, every value malformed and skipped, leaves the one empty file Spark writes for a write of no rows:
 * never referenced by the table, removed by {@code VACUUM}.)
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

    /** How the last batch learnt its keys, and so how the next one will. */
    enum Mode {
        COLLECT_FIRST,
        STAGED
    }

    private final String key;
    private final long maxKeys;
    private BloomFilter filter;
    private boolean outgrown;
    private long version = -1;
    private long keys;
    private long capacity;
    private Mode next = Mode.COLLECT_FIRST;
    private Mode last;

    KeyIndex(String key) {
        this(key, MAX_KEYS);
    }

    KeyIndex(String key, long maxKeys) {
        this.key = Objects.requireNonNull(key, "key");
        this.maxKeys = maxKeys;
    }

    /**
     * Writes {@code source} to the table at {@code path}: an append when its keys are distinct and none may be in
     * the table, otherwise {@code merge}, given the batch to reduce to one row per key and MERGE (kept in memory
     * when its keys were collected first; a MERGE that reads its source twice persists what it reduces).
     *
     * @return true when it was appended; false when it was MERGEd or empty (nothing written)
     */
    boolean write(Dataset<Row> source, Path path, Consumer<Dataset<Row>> merge) {
        if (outgrown) {
            merge.accept(source);
            return false;
        }
        if (next == Mode.STAGED) {
            Optional<Boolean> staged = staged(source, path, merge);
            if (staged.isPresent()) {
                return staged.get();
            }
        }
        return collectedFirst(source, path, merge);
    }

    /** The table version the filter stands for; -1 when there is none. */
    long coveredVersion() {
        return filter == null ? -1 : version;
    }

    /** How the last batch learnt its keys; null before the first. */
    Mode lastMode() {
        return last;
    }

    /** Empty when the batch cannot be staged (its columns are not the table's). */
    private Optional<Boolean> staged(Dataset<Row> source, Path path, Consumer<Dataset<Row>> merge) {
        SparkSession spark = source.sparkSession();
        CollectionAccumulator<String> gathered = spark.sparkContext().collectionAccumulator(key + " keys");
        // the key as it is, noted as each row is written; nondeterministic, so the optimizer never copies the call
        UDF1<String, String> note = k -> {
            gathered.add(k);
            return k;
        };
        Optional<DeltaTables.StagedAppend> files = DeltaTables.stageAppend(
                source.withColumn(key, udf(note, DataTypes.StringType).asNondeterministic().apply(col(key))), path);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        last = Mode.STAGED;
        List<String> batchKeys = gathered.value();
        if (batchKeys.isEmpty()) {
            files.get().discard();
            return Optional.of(false);
        }
        long before = files.get().readVersion();
        if (passes(spark, path, before, batchKeys)) {
            committed(batchKeys, before, files.get().commit());
            return Optional.of(true);
        }
        files.get().discard();
        next = Mode.COLLECT_FIRST;
        merge.accept(source);
        committed(batchKeys, before, DeltaTables.knownVersion(spark, path));
        return Optional.of(false);
    }

    private boolean collectedFirst(Dataset<Row> source, Path path, Consumer<Dataset<Row>> merge) {
        last = Mode.COLLECT_FIRST;
        SparkSession spark = source.sparkSession();
        // read twice: for its keys, then by the write
        Dataset<Row> persisted = source.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<String> batchKeys = persisted.select(key).as(Encoders.STRING()).collectAsList();
            if (batchKeys.isEmpty()) {
                return false;
            }
            long before = DeltaTables.latestVersion(spark, path);
            boolean appended = passes(spark, path, before, batchKeys);
            if (appended) {
                DeltaTables.append(persisted, path);
            } else {
                merge.accept(persisted);
            }
            committed(batchKeys, before, DeltaTables.knownVersion(spark, path));
            next = appended ? Mode.STAGED : Mode.COLLECT_FIRST;
            return appended;
        } finally {
            persisted.unpersist();
        }
    }

    /** Distinct keys, none of which the table at {@code current} may hold. */
    private boolean passes(SparkSession spark, Path path, long current, List<String> batchKeys) {
        return distinct(batchKeys) && covers(spark, path, current, batchKeys.size()) && noneIn(batchKeys);
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
        // over no rows Spark's aggregate gives no filter at all
        filter = rows == 0 ? BloomFilter.create(wanted, FALSE_POSITIVE_RATE)
                : table.stat().bloomFilter(key, wanted, FALSE_POSITIVE_RATE);
        capacity = wanted;
        keys = rows;
        version = current;
        return true;
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
