package io.netflixlakehouse.quality.domain.sql;

import java.util.Map;

/**
 * One node of a compiled expression tree. Returns a String, BigDecimal, Boolean, LocalDate, or
 * null for SQL NULL. Nodes are immutable and thread-safe.
 */
@FunctionalInterface
interface SqlEvaluator {

    Object eval(Map<String, String> row);
}
