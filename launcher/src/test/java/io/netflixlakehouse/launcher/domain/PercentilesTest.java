package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeTheNearestRank() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);

        assertThat(Percentiles.of(values, 50)).isEqualTo(3.0);
        assertThat(Percentiles.of(values, 99)).isEqualTo(5.0);
        assertThat(Percentiles.of(values, 20)).isEqualTo(1.0);
    }

    @Test
    void shouldBeNaNWithoutValues() {
        assertThat(Percentiles.of(List.of(), 50)).isNaN();
    }
}
