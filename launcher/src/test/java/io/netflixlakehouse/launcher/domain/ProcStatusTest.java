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

    @Test
    void shouldReadTheProportionalSetSizeOfSmapsRollup() {
        String rollup = "55d0c0a00000-7ffd5b1f2000 ---p 00000000 00:00 0    [rollup]\nRss:\t 1536000 kB\n"
                + "Pss:\t  768000 kB\nPss_Anon:\t  700000 kB\nShared_Clean:\t   20000 kB\n";

        assertThat(ProcStatus.proportionalBytes(rollup)).hasValue(768_000L * 1024);
        assertThat(ProcStatus.proportionalBytes("Name:\tjava\n")).isEmpty();
    }
}
