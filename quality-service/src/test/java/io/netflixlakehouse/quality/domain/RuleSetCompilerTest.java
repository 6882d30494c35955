package io.netflixlakehouse.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetCompilerTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler(Clock.systemUTC());

    @Test
    void shouldCompileTheShippedTitlesRulesSortedByName() {
        RuleSet ruleSet = COMPILER.compile(ShippedRules.titles());

        assertThat(ruleSet.dataset()).isEqualTo("titles");
        assertThat(ruleSet.version()).isEqualTo("titles-v1");
        assertThat(ruleSet.rules()).extracting(CompiledRule::name).containsExactly(
                "date_added_present", "rating_is_not_a_duration", "valid_show_id", "valid_type", "valid_year");
        assertThat(ruleSet.rules()).extracting(r -> r.action().configName()).containsExactly(
                "warn", "quarantine", "quarantine", "quarantine", "quarantine");
        assertThat(ruleSet.rules().get(4).columns()).containsExactly("release_year");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            quarantine | CAST(release_year AS INT) BETWEEN 1900 AND    | Dataset 'titles', rule 'bad': syntax error at line 1, column 43: unexpected end of expression in expression `CAST(release_year AS INT) BETWEEN 1900 AND`
            quarantine | show_id IS NOT NULL AND AND type = 'Movie'    | Dataset 'titles', rule 'bad': syntax error at line 1, column
            quarantine | genre = 'Drama'                               | Dataset 'titles', rule 'bad': unknown column 'genre' (known columns: show_id, type, title, director, cast, country, date_added, release_year, rating, duration, listed_in, description)
            quarantine | soundex(title) = 'x'                          | Dataset 'titles', rule 'bad': unsupported function soundex
            quarantine | show_id IS TRUE                               | Dataset 'titles', rule 'bad': unsupported SQL construct 'show_id IS TRUE'
            quarantine | type IN (SELECT type FROM other)              | Dataset 'titles', rule 'bad': unsupported IN with
            quarantine | release_year                                  | Dataset 'titles', rule 'bad': the expression is STRING, not a boolean condition
            explode    | show_id IS NOT NULL                           | Dataset 'titles', rule 'bad': unknown action 'explode' (allowed: warn|drop|quarantine|fail)
            ""         | show_id IS NOT NULL                           | Dataset 'titles', rule 'bad': unknown action '' (allowed: warn|drop|quarantine|fail)
            """)
    void shouldStopStartUpWithAMessageNamingDatasetAndRule(String action, String expression, String message) {
        List<RuleDefinition> rules = new ArrayList<>(ShippedRules.titles().rules());
        rules.add(new RuleDefinition("bad", expression, action));
        DatasetDefinition dataset = new DatasetDefinition("titles", "titles-v1", ShippedRules.titles().columns(), rules);

        assertThatThrownBy(() -> COMPILER.compile(dataset))
                .isInstanceOf(RuleConfigurationException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void shouldRejectADatasetWithoutColumnsOrVersion() {
        List<RuleDefinition> rules = List.of(new RuleDefinition("r", "x IS NULL", "warn"));
        assertThatThrownBy(() -> COMPILER.compile(new DatasetDefinition("films", "v1", List.of(), rules)))
                .hasMessage("Dataset 'films': no columns configured");
        assertThatThrownBy(() -> COMPILER.compile(new DatasetDefinition("films", " ", List.of("x"), rules)))
                .hasMessage("Dataset 'films': rule-set-version is empty");
    }

    @Test
    void shouldAcceptActionsInAnyCase() {
        RuleSet ruleSet = COMPILER.compile(new DatasetDefinition("films", "v1", List.of("x"),
                List.of(new RuleDefinition("r", "x IS NULL", " Drop "))));
        assertThat(ruleSet.rules().get(0).action()).isEqualTo(Action.DROP);
    }
}
