package io.netflixlakehouse.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    @Test
    void shouldReadShortForms() {
        assertThat(DurationConverter.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldReadIsoDurations() {
        assertThat(DurationConverter.parse("PT2M30S")).isEqualTo(Duration.ofSeconds(150));
        assertThat(DurationConverter.parse("pt5m")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldRejectOtherText() {
        assertThatThrownBy(() -> DurationConverter.parse("ten minutes"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("not a duration");
    }

    @Test
    void shouldParseTheDemoOptionsWithTheirDefaults() {
        CommandLine cli = LakehouseCli.commandLine();
        CommandLine.ParseResult result = cli.parseArgs("--home", "/repo", "demo", "--timeout", "3m");
        DemoCommand demo = (DemoCommand) result.subcommand().commandSpec().userObject();

        assertThat(demo.timeout).isEqualTo(Duration.ofMinutes(3));
        assertThat(demo.keepRunning).isFalse();
        assertThat(demo.parent.home()).isEqualTo(java.nio.file.Path.of("/repo"));
    }
}
