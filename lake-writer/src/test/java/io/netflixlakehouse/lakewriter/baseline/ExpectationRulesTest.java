package io.netflixlakehouse.lakewriter.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationRulesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheShippedRulesOfTheQualityService() {
        ExpectationRules rules = ExpectationRules.load(
                Path.of("../quality-service/src/main/resources/application.properties"), "titles");

        assertThat(rules.columns()).startsWith("show_id", "type", "title").hasSize(12);
        assertThat(rules.rules()).extracting(ExpectationRules.Rule::name)
                .contains("valid_show_id", "valid_type", "valid_year", "date_added_present");
        assertThat(rules.rules()).filteredOn(r -> r.name().equals("date_added_present"))
                .singleElement().matches(r -> !r.quarantines());
        assertThat(rules.rules()).filteredOn(r -> r.name().equals("valid_type"))
                .singleElement().matches(ExpectationRules.Rule::quarantines)
                .extracting(ExpectationRules.Rule::expression).isEqualTo("type IN ('Movie', 'TV Show')");
    }

    @Test
    void shouldIgnoreProfileKeysAndOtherDatasets() throws Exception {
        Path file = dir.resolve("a.properties");
        Files.writeString(file, """
                lakehouse.quality.datasets.titles.columns=a,b
                lakehouse.quality.datasets.titles.rules.r1.expression=a IS NOT NULL
                %test.lakehouse.quality.datasets.titles.rules.r2.expression=b IS NULL
                lakehouse.quality.datasets.other.rules.r3.expression=b IS NULL
                """);

        ExpectationRules rules = ExpectationRules.load(file, "titles");

        assertThat(rules.columns()).containsExactly("a", "b");
        assertThat(rules.rules()).containsExactly(new ExpectationRules.Rule("r1", "a IS NOT NULL", "quarantine"));
    }

    @Test
    void shouldTakeTheActionOfTheRuleElseOfItsGroupsFormElseQuarantine() throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, """
                lakehouse.quality.datasets.titles.columns=a,b
                lakehouse.quality.datasets.titles.groups.soft.expect=expect_all
                lakehouse.quality.datasets.titles.groups.hard.expect=expect_all_or_drop
                lakehouse.quality.datasets.titles.rules.r1.expression=a IS NOT NULL
                lakehouse.quality.datasets.titles.rules.r1.group=soft
                lakehouse.quality.datasets.titles.rules.r2.expression=b IS NOT NULL
                lakehouse.quality.datasets.titles.rules.r2.group=hard
                lakehouse.quality.datasets.titles.rules.r3.expression=a <> b
                lakehouse.quality.datasets.titles.rules.r3.group=hard
                lakehouse.quality.datasets.titles.rules.r3.action=fail
                lakehouse.quality.datasets.titles.rules.r4.expression=a > 0
                """);

        ExpectationRules rules = ExpectationRules.load(file, "titles");

        assertThat(rules.rules()).extracting(ExpectationRules.Rule::name, ExpectationRules.Rule::action)
                .containsExactly(tuple("r1", "warn"), tuple("r2", "drop"), tuple("r3", "fail"), tuple("r4", "quarantine"));
        assertThat(rules.rules()).filteredOn(ExpectationRules.Rule::quarantines)
                .extracting(ExpectationRules.Rule::name).containsExactly("r2", "r3", "r4");
    }

    @Test
    void shouldRefuseAFileWithoutColumns() throws Exception {
        Path file = dir.resolve("b.properties");
        Files.writeString(file, "lakehouse.quality.datasets.titles.rules.r1.expression=a IS NOT NULL\n");

        assertThatThrownBy(() -> ExpectationRules.load(file, "titles"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns");
    }
}
