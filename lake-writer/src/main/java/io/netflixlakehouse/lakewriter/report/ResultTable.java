package io.netflixlakehouse.lakewriter.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A query result as an ASCII table, like Spark's {@code show(n, truncate = false)}. */
public final class ResultTable {

    private ResultTable() {
    }

    /** Up to {@code limit} rows of {@code result}, every cell cast to text by Spark (arrays as [a, b]). */
    public static String render(Dataset<Row> result, int limit) {
        String[] names = result.columns();
        Column[] asText = Arrays.stream(names).map(n -> col("`" + n + "`").cast("string").as(n)).toArray(Column[]::new);
        List<Row> rows = result.select(asText).limit(limit + 1).collectAsList();
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                line.add(row.isNullAt(i) ? "NULL" : row.getString(i));
            }
            cells.add(line);
        }
        String table = render(List.of(names), cells);
        return rows.size() > limit ? table + "only showing top " + limit + " rows\n" : table;
    }

    /** {@code rows} under {@code headers}, left-aligned, in a +---+ frame. */
    public static String render(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(3, headers.get(i).length());
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder rule = new StringBuilder("+");
        for (int w : widths) {
            rule.append("-".repeat(w)).append('+');
        }
        rule.append('\n');
        StringBuilder out = new StringBuilder(rule);
        line(out, headers, widths);
        out.append(rule);
        rows.forEach(r -> line(out, r, widths));
        out.append(rule);
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            out.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append('|');
        }
        out.append('\n');
    }
}
