package io.netflixlakehouse.quality.domain;

/**
 * One rule's result on one record.
 *
 * @param rule the rule
 * @param result the expression's value: TRUE, FALSE or null (SQL NULL)
 */
public record RuleOutcome(CompiledRule rule, Boolean result) {

    /**
     * As in Delta Live Tables, a record fails an expectation only when the expression is FALSE; a NULL
     * result passes (write {@code x IS NOT NULL AND ...} to reject missing values).
     */
    public boolean failed() {
        return Boolean.FALSE.equals(result);
    }
}
