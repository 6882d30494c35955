package io.netflixlakehouse.quality.domain.sql;

import java.util.List;
import java.util.Map;

/**
 * A boolean SQL expression compiled once into an evaluator tree.
 *
 * @param source the expression text as written
 * @param columns the dataset columns the expression reads, in order of first use
 */
public record CompiledExpression(String source, List<String> columns, SqlEvaluator evaluator) {

    public CompiledExpression {
        columns = List.copyOf(columns);
    }

    /**
     * Evaluates the expression over one record (column name to value, null for SQL NULL).
     *
     * @return TRUE, FALSE, or null for SQL NULL
     */
    public Boolean evaluate(Map<String, String> row) {
        return (Boolean) evaluator.eval(row);
    }
}
