package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void shouldGiveWhatEachTreeSpentBetweenTwoReadings() {
        CpuTimes atDrop = new CpuTimes(Map.of("kafka", Duration.ofSeconds(10), "ingest-service", Duration.ofSeconds(4)));
        CpuTimes atEnd = new CpuTimes(Map.of("kafka", Duration.ofSeconds(25), "ingest-service", Duration.ofSeconds(34),
                "lake-writer", Duration.ofSeconds(7)));

        CpuTimes spent = atEnd.since(atDrop);

        assertThat(spent.byName()).containsEntry("kafka", Duration.ofSeconds(15))
                .containsEntry("ingest-service", Duration.ofSeconds(30))
                .containsEntry("lake-writer", Duration.ofSeconds(7));
        assertThat(spent.total()).isEqualTo(Duration.ofSeconds(52));
    }

    @Test
    void shouldNeverGoBelowZeroWhenAProcessWasReplaced() {
        CpuTimes before = new CpuTimes(Map.of("quality-service", Duration.ofSeconds(9)));
        CpuTimes after = new CpuTimes(Map.of("quality-service", Duration.ofSeconds(2)));

        assertThat(after.since(before).byName()).containsEntry("quality-service", Duration.ZERO);
    }

    @Test
    void shouldGiveMicrosecondsPerRecord() {
        assertThat(CpuTimes.microsPerRecord(Duration.ofSeconds(58), 1_000_000)).isEqualTo(58.0);
        assertThat(CpuTimes.microsPerRecord(Duration.ofSeconds(1), 0)).isNaN();
    }
}
