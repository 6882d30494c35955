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
        assertThat(ruleSet.version()).isEqualTo("titles-v2");
        assertThat(ruleSet.rules()).extracting(CompiledRule::name).containsExactly("date_added_is_a_date",
                "date_added_present", "duration_format", "rating_is_not_a_duration", "title_present", "valid_show_id",
                "valid_type", "valid_year");
        assertThat(ruleSet.rules()).extracting(r -> r.action().configName()).containsExactly(
                "quarantine", "warn", "quarantine", "quarantine", "warn", "quarantine", "quarantine", "quarantine");
        assertThat(ruleSet.rules()).extracting(CompiledRule::group).containsExactly(
                "faults", "completeness", "faults", "faults", "completeness", "identity", "domain", "domain");
        assertThat(ruleSet.rules().get(7).columns()).containsExactly("release_year");
    }

    @ParameterizedTest
    @CsvSource({"seed_titles, seed_titles-v1", "cast, cast-v1", "category, category-v1", "countries, countries-v1",
        "directors, directors-v1"})
    void shouldCompileEveryShippedDatasetWithAShowIdRule(String dataset, String version) {
        RuleSet ruleSet = COMPILER.compile(ShippedRules.dataset(dataset));

        assertThat(ruleSet.version()).isEqualTo(version);
        assertThat(ruleSet.rules()).filteredOn(r -> r.name().equals("valid_show_id"))
                .singleElement().satisfies(r -> {
                    assertThat(r.source()).startsWith("show_id IS NOT NULL");
                    assertThat(r.action()).isEqualTo(Action.QUARANTINE);
                });
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            quarantine | CAST(release_year AS INT) BETWEEN 1900 AND    | Dataset 'titles', rule 'bad': syntax error at line 1, column 43: unexpected end of expression in expression `CAST(release_year AS INT) BETWEEN 1900 AND`
            quarantine | show_id IS NOT NULL AND AND type = 'Movie'    | Dataset 'titles', rule 'bad': syntax error at line 1, column 21: unexpected 'AND'
            quarantine | genre = 'Drama'                               | Dataset 'titles', rule 'bad': at line 1, column 1: unknown column 'genre' (known columns: show_id, type, title, director, cast, country, date_added, release_year, rating, duration, listed_in, description)
            quarantine | show_id IS NOT NULL AND Genre = 'Drama'       | Dataset 'titles', rule 'bad': at line 1, column 25: unknown column 'Genre'
            quarantine | soundex(title) = 'x'                          | Dataset 'titles', rule 'bad': at line 1, column 1: unsupported function soundex
            quarantine | show_id IS TRUE                               | Dataset 'titles', rule 'bad': at line 1, column 1: unsupported SQL construct 'show_id IS TRUE'
            quarantine | type IN (SELECT type FROM other)              | Dataset 'titles', rule 'bad': at line 1, column 1: unsupported IN with
            quarantine | release_year                                  | Dataset 'titles', rule 'bad': at line 1, column 1: the expression is STRING, not a boolean condition
            quarantine | show_id IS NOT NULL AND length(title) + 1     | Dataset 'titles', rule 'bad': at line 1, column 25: 'length(title) + 1' is NUMBER where a boolean condition is needed
            quarantine | type = 'Movie' AND year(release_year = 1) = 1 | Dataset 'titles', rule 'bad': at line 1, column 20: year() needs a DATE or STRING, not BOOLEAN
            quarantine | title = 'x' OR (rating > 'a' AND NOT title)   | Dataset 'titles', rule 'bad': at line 1, column
            explode    | show_id IS NOT NULL                           | Dataset 'titles', rule 'bad': unknown action 'explode' (allowed: warn|drop|quarantine|fail, or a group)
            ""         | show_id IS NOT NULL                           | Dataset 'titles', rule 'bad': unknown action '' (allowed: warn|drop|quarantine|fail, or a group)
            """)
    void shouldStopStartUpWithAMessageNamingDatasetAndRule(String action, String expression, String message) {
        List<RuleDefinition> rules = new ArrayList<>(ShippedRules.titles().rules());
        rules.add(new RuleDefinition("bad", expression, action));
        DatasetDefinition dataset = new DatasetDefinition("titles", "titles-v2", ShippedRules.titles().columns(), rules,
                ShippedRules.titles().groups());

        assertThatThrownBy(() -> COMPILER.compile(dataset))
                .isInstanceOf(RuleConfigurationException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void shouldStopStartUpOnAnUnknownGroupOrForm() {
        List<RuleDefinition> rules = List.of(new RuleDefinition("r", "x IS NULL", null, "nowhere"));
        assertThatThrownBy(() -> COMPILER.compile(new DatasetDefinition("films", "v1", List.of("x"), rules,
                java.util.Map.of("strict", "expect_all_or_drop"))))
                .hasMessage("Dataset 'films', rule 'r': unknown group 'nowhere' (configured groups: strict)");
        assertThatThrownBy(() -> COMPILER.compile(new DatasetDefinition("films", "v1", List.of("x"),
                List.of(new RuleDefinition("r", "x IS NULL", "warn")), java.util.Map.of("strict", "expect_most"))))
                .hasMessage("Dataset 'films', group 'strict': unknown form 'expect_most' "
                        + "(allowed: expect_all|expect_all_or_drop|expect_all_or_quarantine|expect_all_or_fail)");
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
