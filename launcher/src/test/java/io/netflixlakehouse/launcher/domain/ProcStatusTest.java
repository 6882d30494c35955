package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void shouldReadResidentAndPeakInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t42\n";

        ProcStatus parsed = ProcStatus.parse(status);

        assertThat(parsed.rssBytes()).isEqualTo(102_400L * 1024);
        assertThat(parsed.peakRssBytes()).isEqualTo(204_800L * 1024);
    }

    @Test
    void shouldReadZeroForAProcessWithoutMemoryLines() {
        ProcStatus parsed = ProcStatus.parse("Name:\tkthreadd\nState:\tS (sleeping)\n");

        assertThat(parsed.rssBytes()).isZero();
        assertThat(parsed.peakRssBytes()).isZero();
    }
}
