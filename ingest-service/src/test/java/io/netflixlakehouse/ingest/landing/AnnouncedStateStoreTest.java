package io.netflixlakehouse.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnouncedStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void shouldStartEmptyAndRoundTripWhatWasAnnounced() throws IOException {
        AnnouncedStateStore store = new AnnouncedStateStore(dir.resolve("state/ingest"));
        assertThat(store.load()).isEmpty();

        store.save(Map.of("kaggle/netflix_titles.csv", "0x0123456789ABCDEF", "b.csv", "0x1"));

        assertThat(new AnnouncedStateStore(dir.resolve("state/ingest")).load())
                .containsOnly(Map.entry("kaggle/netflix_titles.csv", "0x0123456789ABCDEF"), Map.entry("b.csv", "0x1"));
        assertThat(Files.list(dir.resolve("state/ingest"))).extracting(p -> p.getFileName().toString())
                .containsExactly(AnnouncedStateStore.FILE_NAME);
    }

    @Test
    void shouldSetACorruptStateFileAsideAndStartEmpty() throws IOException {
        AnnouncedStateStore store = new AnnouncedStateStore(dir);
        Files.writeString(store.file(), "{ not json");

        assertThat(store.load()).isEmpty();
        assertThat(dir.resolve(AnnouncedStateStore.FILE_NAME + ".corrupt")).hasContent("{ not json");
        assertThat(store.file()).doesNotExist();
    }
}
