package io.netflixlakehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void shouldGiveTheSameRowOfTheSameFileVersionTheSameId() {
        assertThat(RecordIds.of("file:///landing/a.csv", "0x1", 7))
                .isEqualTo(RecordIds.of("file:///landing/a.csv", "0x1", 7))
                .hasSize(32);
    }

    @Test
    void shouldTellRowsVersionsAndFilesApart() {
        String id = RecordIds.of("file:///landing/a.csv", "0x1", 7);
        assertThat(id)
                .isNotEqualTo(RecordIds.of("file:///landing/a.csv", "0x1", 8))
                .isNotEqualTo(RecordIds.of("file:///landing/a.csv", "0x2", 7))
                .isNotEqualTo(RecordIds.of("file:///landing/b.csv", "0x1", 7));
    }
}
