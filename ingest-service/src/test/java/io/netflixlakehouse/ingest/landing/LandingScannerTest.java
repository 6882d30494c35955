package io.netflixlakehouse.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.ingest.domain.FileStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingScannerTest {

    @TempDir
    Path root;

    @Test
    void shouldListRegularFilesWithSizeAndNanosecondModificationTime() throws IOException {
        Path file = Files.writeString(Files.createDirectories(root.resolve("kaggle")).resolve("netflix_titles.csv"), "abc");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_764_065_730_123L));

        Map<String, FileStat> files = new LandingScanner(root).scan();

        assertThat(files).containsExactly(Map.entry("kaggle/netflix_titles.csv", new FileStat(3, 1_764_065_730_123_000_000L)));
    }

    @Test
    void shouldLeaveOutHiddenPartialAndLinkedFiles() throws IOException {
        Files.writeString(root.resolve("keep.csv"), "x");
        Files.writeString(root.resolve(".hidden.csv"), "x");
        Files.writeString(root.resolve("upload.csv.part"), "x");
        Files.writeString(root.resolve("upload.csv.tmp"), "x");
        Files.writeString(Files.createDirectories(root.resolve(".staging")).resolve("a.csv"), "x");
        Files.createSymbolicLink(root.resolve("link.csv"), root.resolve("keep.csv"));

        assertThat(new LandingScanner(root).scan()).containsOnlyKeys("keep.csv");
    }
}
