package io.netflixlakehouse.lakewriter.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetLedgerTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWrote() {
        OffsetLedger ledger = new OffsetLedger(dir.resolve("bronze_titles"));
        RecordedOffsets recorded = new RecordedOffsets(
                "netflix.titles.raw.v1", "lakehouse-lake-writer", 2, 14, new TreeMap<>(Map.of(0, 5L, 2, 9L)));

        ledger.write(recorded);

        assertThat(ledger.read()).contains(recorded);
        assertThat(ledger.file()).hasFileName("group-offsets.json");
    }

    @Test
    void shouldRecordNothingBeforeTheFirstWrite() {
        assertThat(new OffsetLedger(dir).read()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnreadableFileNamingIt() throws Exception {
        Files.writeString(dir.resolve(OffsetLedger.FILE_NAME), "{not json");

        assertThatThrownBy(() -> new OffsetLedger(dir).read())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OffsetLedger.FILE_NAME);
    }

    @Test
    void shouldFindTheNewestCheckpointGeneration() throws Exception {
        CheckpointGenerations generations = new CheckpointGenerations(dir);
        assertThat(generations.latest()).isEmpty();

        Files.createDirectories(generations.dir(1));
        Files.createDirectories(generations.dir(12));
        Files.createDirectories(dir.resolve("gen-x"));
        Files.writeString(dir.resolve(OffsetLedger.FILE_NAME), "{}");

        assertThat(generations.latest()).hasValue(12);
        assertThat(generations.dir(13)).hasFileName("gen-13");
    }
}
