package io.netflixlakehouse.lakewriter.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netflixlakehouse.lakewriter.SparkTest;
import io.netflixlakehouse.lakewriter.config.LakeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up runs every table's writer on generated records and leaves nothing behind. */
class WarmUpTest extends SparkTest {

    @TempDir
    Path parent;

    @Test
    void shouldWriteEveryTableWithEachRecordOnceThenDeleteTheScratchLake() throws Exception {
        WarmUp.Outcome outcome = WarmUp.run(spark, parent, 40);

        assertThat(outcome.recordsPerTable()).isEqualTo(40);
        // the repeated keys of the third batch were MERGEd, not appended again
        assertThat(outcome.rows()).containsEntry(LakeTable.BRONZE_TITLES.viewName(), 40L)
                .containsEntry(LakeTable.SILVER_TITLES.viewName(), 40L)
                .containsEntry(LakeTable.QUARANTINE_TITLES.viewName(), 40L)
                .containsEntry(LakeTable.QUALITY_EVENTS.viewName(), 40L);
        // gold rows are groups: fewer than the changes to them
        assertThat(outcome.rows().get(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY.viewName())).isBetween(1L, 40L);
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldRefuseANonPositiveRecordCount() {
        assertThatThrownBy(() -> WarmUp.run(spark, parent, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
