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

    @Test
    void shouldKeepTheIdsOfDataAlreadyInTheLake() {
        // the first 16 bytes of SHA-256("url\neTag\nrecordNumber") and of SHA-256("url\neTag"), in hex
        assertThat(RecordIds.of("file:///landing/a.csv", "0x1", 7)).isEqualTo("1221a7e5bade584877e5c70bed969697");
        assertThat(RecordIds.ofFile("file:///landing/a.csv", "0x1")).isEqualTo("1f3e3087d342d88868e6d20521d3afb8");
    }

    @Test
    void shouldGiveEachThreadTheSameIds() throws Exception {
        String expected = RecordIds.of("file:///landing/a.csv", "0x1", 7);
        String[] seen = new String[1];
        Thread other = new Thread(() -> seen[0] = RecordIds.of("file:///landing/a.csv", "0x1", 7));
        other.start();
        other.join();
        assertThat(seen[0]).isEqualTo(expected);
    }
}
