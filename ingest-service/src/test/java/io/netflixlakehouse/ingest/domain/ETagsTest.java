package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void shouldBeDeterministicAndAzureShaped() {
        String eTag = ETags.of(3_399_671L, 1_764_065_730_123_456_789L);

        assertThat(eTag).isEqualTo(ETags.of(3_399_671L, 1_764_065_730_123_456_789L)).matches("0x[0-9A-F]{16}");
        assertThat(new FileStat(3_399_671L, 1_764_065_730_123_456_789L).eTag()).isEqualTo(eTag);
    }

    @Test
    void shouldChangeWithSizeOrModificationTime() {
        String eTag = ETags.of(100, 5_000);

        assertThat(ETags.of(101, 5_000)).isNotEqualTo(eTag);
        assertThat(ETags.of(100, 5_001)).isNotEqualTo(eTag);
    }
}
