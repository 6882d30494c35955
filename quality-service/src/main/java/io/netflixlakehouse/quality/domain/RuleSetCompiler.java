package io.netflixlakehouse.quality.domain;

import io.netflixlakehouse.quality.domain.sql.CompiledExpression;
import io.netflixlakehouse.quality.domain.sql.ExpressionCompiler;
import io.netflixlakehouse.quality.domain.sql.SqlCompileException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Map<String, GroupForm> groups = new TreeMap<>();
        dataset.groups().forEach((group, form) -> groups.put(group, GroupForm.fromConfig(form).orElseThrow(
                () -> new RuleConfigurationException("Dataset '" + dataset.name() + "', group '" + group
                        + "': unknown form '" + form + "' (allowed: " + GroupForm.allowed() + ")"))));
        ExpressionCompiler compiler = new ExpressionCompiler(dataset.columns(), clock);
        List<CompiledRule> rules = new ArrayList<>();
        for (RuleDefinition rule : dataset.rules()) {
            rules.add(compileRule(dataset.name(), compiler, rule, groups));
        }
        rules.sort(Comparator.comparing(CompiledRule::name));
        return new RuleSet(dataset.name(), dataset.ruleSetVersion(), rules);
    }

    private static CompiledRule compileRule(String dataset, ExpressionCompiler compiler, RuleDefinition rule,
            Map<String, GroupForm> groups) {
        String where = "Dataset '" + dataset + "', rule '" + rule.name() + "'";
        String group = rule.group() == null || rule.group().isBlank() ? null : rule.group().strip();
        if (group != null && !groups.containsKey(group)) {
            throw new RuleConfigurationException(where + ": unknown group '" + group + "' (configured groups: "
                    + String.join(", ", groups.keySet()) + ")");
        }
        Action action;
        if ((rule.action() == null || rule.action().isBlank()) && group != null) {
            action = groups.get(group).action();
        } else {
            action = Action.fromConfig(rule.action()).orElseThrow(() -> new RuleConfigurationException(
                    where + ": unknown action '" + (rule.action() == null ? "" : rule.action()) + "' (allowed: "
                            + Action.allowed() + ", or a group)"));
        }
        CompiledExpression expression;
        try {
            expression = compiler.compile(rule.expression());
        } catch (SqlCompileException e) {
            throw new RuleConfigurationException(where + ": " + e.getMessage() + " in expression `" + rule.expression() + "`", e);
        }
        return new CompiledRule(rule.name(), action, expression, group);
    }
}
