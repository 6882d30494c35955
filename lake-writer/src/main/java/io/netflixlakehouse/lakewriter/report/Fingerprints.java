package io.netflixlakehouse.lakewriter.report;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Order-independent content fingerprints of tables: each row's business columns are hashed (maps
 * as their sorted entries), the hashes summed, and the sums with the row count digested. Two tables
 * with the same rows in any order and any files have the same fingerprint.
 */
public final class Fingerprints {

    /** Columns that say when or where a row was processed, not what it is. */
    private static final Set<String> PROCESSING_COLUMNS = Set.of("ingested_at", "quarantined_at", "event_time");

    private Fingerprints() {
    }

    /** The business columns of {@code schema}: all but kafka_* and processing-time columns. */
    public static List<String> businessColumns(StructType schema) {
        return Arrays.stream(schema.fieldNames())
                .filter(name -> !name.startsWith("kafka_") && !PROCESSING_COLUMNS.contains(name))
                .sorted()
                .toList();
    }

    /** The fingerprint of {@code table}: 32 hex digits. */
    public static String of(Dataset<Row> table) {
        StructType schema = table.schema();
        Column[] columns = businessColumns(schema).stream()
                .map(name -> normalized(col("`" + name + "`"), schema.apply(name).dataType()).as(name))
                .toArray(Column[]::new);
        Column row = struct(columns);
        Row totals = table.agg(
                        count(lit(1)),
                        sum(xxhash64(row).cast("decimal(38,0)")),
                        sum(hash(row).cast("decimal(38,0)")))
                .first();
        String digestInput = totals.getLong(0) + "|" + totals.get(1) + "|" + totals.get(2);
        return sha256(digestInput).substring(0, 32);
    }

    /** Maps become their entries sorted by key, so hashing does not depend on insertion order. */
    private static Column normalized(Column column, DataType type) {
        if (type instanceof MapType) {
            return array_sort(map_entries(column));
        }
        if (type instanceof ArrayType array && containsMap(array.elementType())) {
            return functions.transform(column, element -> normalized(element, array.elementType()));
        }
        if (type instanceof StructType struct && containsMap(struct)) {
            Column[] fields = Arrays.stream(struct.fields())
                    .map(f -> normalized(column.getField(f.name()), f.dataType()).as(f.name()))
                    .toArray(Column[]::new);
            return functions.when(column.isNull(), lit(null)).otherwise(struct(fields));
        }
        return column;
    }

    private static boolean containsMap(DataType type) {
        if (type instanceof MapType) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return containsMap(array.elementType());
        }
        if (type instanceof StructType struct) {
            for (StructField f : struct.fields()) {
                if (containsMap(f.dataType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
