package io.netflixlakehouse.launcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestMatchTest {

    private final Path file = Path.of("/runs/r1/landing/netflix_titles.csv");

    @Test
    void shouldMatchTheFileUrlOfTheSamePath() {
        assertThat(ManifestMatch.matches("file:///runs/r1/landing/netflix_titles.csv", file)).isTrue();
        assertThat(ManifestMatch.matches("file:/runs/r1/landing/netflix_titles.csv", file)).isTrue();
    }

    @Test
    void shouldMatchAnUnnormalisedPathToTheSameFile() {
        assertThat(ManifestMatch.matches("file:///runs/r1/landing/../landing/netflix_titles.csv", file)).isTrue();
    }

    @Test
    void shouldNotMatchAnotherFile() {
        assertThat(ManifestMatch.matches("file:///runs/r1/landing/other.csv", file)).isFalse();
        assertThat(ManifestMatch.matches("file:///runs/r2/landing/netflix_titles.csv", file)).isFalse();
    }

    @Test
    void shouldMatchABlobUrlByFileName() {
        assertThat(ManifestMatch.matches(
                "http://127.0.0.1:10000/devstoreaccount1/landing/netflix_titles.csv", file)).isTrue();
    }

    @Test
    void shouldNotMatchMissingOrMalformedUrls() {
        assertThat(ManifestMatch.matches(null, file)).isFalse();
        assertThat(ManifestMatch.matches(" ", file)).isFalse();
        assertThat(ManifestMatch.matches("file://%%%", file)).isFalse();
    }
}
