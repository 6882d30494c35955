package io.netflixlakehouse.lakewriter.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchOffsetsTest {

    /** An entry as Spark 4.0's Kafka source writes it to {@code <checkpoint>/offsets/<batchId>}. */
    private static final String ENTRY = """
            v1
            {"batchWatermarkMs":0,"batchTimestampMs":1796167928542,"conf":{"spark.sql.shuffle.partitions":"2"}}
            {"netflix.titles.curated.v1":{"0":3799,"1":3680,"2":3648}}""";

    @TempDir
    Path checkpoint;

    @Test
    void shouldReadTheEndOffsetsOfABatchFromTheOffsetLog() throws Exception {
        Files.createDirectories(checkpoint.resolve("offsets"));
        Files.writeString(checkpoint.resolve("offsets/7"), ENTRY);

        assertThat(BatchOffsets.fromOffsetLog(checkpoint, 7, "netflix.titles.curated.v1"))
                .hasValue(new BatchOffsets(new TreeMap<>(Map.of(0, 3799L, 1, 3680L, 2, 3648L))));
    }

    @Test
    void shouldHaveNothingForABatchTheLogDoesNotHold() {
        assertThat(BatchOffsets.fromOffsetLog(checkpoint, 3, "netflix.titles.curated.v1")).isEmpty();
    }

    @Test
    void shouldRefuseAnEntryWithoutTheTopicNamingIt() {
        assertThatThrownBy(() -> BatchOffsets.parseOffsetLog(ENTRY, "netflix.titles.raw.v1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no offsets of topic netflix.titles.raw.v1");
    }

    @Test
    void shouldRefuseWhatIsNotAnOffsetLogEntry() {
        assertThatThrownBy(() -> BatchOffsets.parseOffsetLog("{\"logOffset\":3}", "t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a Spark offset log entry");
        assertThatThrownBy(() -> BatchOffsets.parseOffsetLog("v1\n{}\n{\"t\":{\"0\":\"x\"}}", "t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("t partition 0 is not a number");
    }
}
