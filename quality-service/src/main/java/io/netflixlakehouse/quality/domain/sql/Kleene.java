package io.netflixlakehouse.quality.domain.sql;

import java.util.function.IntPredicate;

/** SQL three-valued logic: TRUE, FALSE and NULL (unknown), as Boolean with null. */
final class Kleene {

    private Kleene() {
    }

    static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }

    static Boolean fromComparison(Integer comparison, IntPredicate test) {
        return comparison == null ? null : test.test(comparison);
    }
}
