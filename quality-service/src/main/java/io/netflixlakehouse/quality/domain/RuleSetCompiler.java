package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.quality.domain.sql.CompiledExpression;
import io.netflixlakehouse.quality.domain.sql.ExpressionCompiler;
import io.netflixlakehouse.quality.domain.sql.SqlCompileException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Validates and compiles a dataset's expectations; any problem stops start-up with a message naming dataset and rule. */
public final class RuleSetCompiler {

    private final Clock clock;

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    public RuleSet compile(DatasetDefinition dataset) {
        if (dataset.columns().isEmpty()) {
            throw new RuleConfigurationException("Dataset '" + dataset.name() + "': no columns configured");
        }
        if (dataset.ruleSetVersion() == null || dataset.ruleSetVersion().isBlank()) {
            throw new RuleConfigurationException("Dataset '" + dataset.name() + "': rule-set-version is empty");
        }
        ExpressionCompiler compiler = new ExpressionCompiler(dataset.columns(), clock);
        List<CompiledRule> rules = new ArrayList<>();
        for (RuleDefinition rule : dataset.rules()) {
            rules.add(compileRule(dataset.name(), compiler, rule));
        }
        rules.sort(Comparator.comparing(CompiledRule::name));
        return new RuleSet(dataset.name(), dataset.ruleSetVersion(), rules);
    }

    private static CompiledRule compileRule(String dataset, ExpressionCompiler compiler, RuleDefinition rule) {
        String where = "Dataset '" + dataset + "', rule '" + rule.name() + "'";
        Action action = Action.fromConfig(rule.action()).orElseThrow(() -> new RuleConfigurationException(
                where + ": unknown action '" + rule.action() + "' (allowed: " + Action.allowed() + ")"));
        CompiledExpression expression;
        try {
            expression = compiler.compile(rule.expression());
        } catch (SqlCompileException e) {
            throw new RuleConfigurationException(where + ": " + e.getMessage() + " in expression `" + rule.expression() + "`", e);
        }
        return new CompiledRule(rule.name(), action, expression);
    }
}
