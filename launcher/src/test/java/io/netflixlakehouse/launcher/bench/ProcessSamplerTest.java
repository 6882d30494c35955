package io.netflixlakehouse.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessSamplerTest {

    @Test
    void shouldCountAProcessFromItsSecondSampleOnSoThatAMomentaryChildIsNotCountedAgain() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessSampler sampler = new ProcessSampler(() -> Map.of("tree", List.of(sleeper.toHandle())));

            sampler.sample();
            ProcessSampler.Peak afterOne = sampler.peaks().get("tree");
            sampler.sample();
            ProcessSampler.Peak afterTwo = sampler.peaks().get("tree");

            assertThat(afterOne.sampledPeakBytes()).isZero();
            assertThat(afterOne.highWaterBytes()).isZero();
            assertThat(afterTwo.sampledPeakBytes()).isPositive();
            assertThat(afterTwo.highWaterBytes()).isGreaterThanOrEqualTo(afterTwo.sampledPeakBytes());
            assertThat(sampler.total().sampledPeakBytes()).isEqualTo(afterTwo.sampledPeakBytes());
        } finally {
            sleeper.destroy();
            sleeper.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
