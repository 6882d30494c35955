package io.netflixlakehouse.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingDropTest {

    @TempDir
    Path dir;

    @Test
    void shouldLandTheFileUnderItsNameWithNoTemporaryLeft() throws Exception {
        Path source = Files.writeString(dir.resolve("titles.csv"), "show_id,type\ns1,Movie\n");
        Path landing = dir.resolve("landing");

        Path landed = LandingDrop.drop(source, landing);

        assertThat(landed).isEqualTo(landing.resolve("titles.csv"));
        assertThat(landed).hasSameTextualContentAs(source);
        try (Stream<Path> files = Files.list(landing)) {
            assertThat(files).containsExactly(landed);
        }
    }

    @Test
    void shouldRefuseAMissingSource() {
        assertThatThrownBy(() -> LandingDrop.drop(dir.resolve("absent.csv"), dir.resolve("landing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent.csv");
    }
}
