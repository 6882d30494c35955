package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingRootTest {

    @TempDir
    Path dir;

    private Path root;
    private LandingRoot landing;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("landing"));
        landing = new LandingRoot(root);
    }

    private Failure refusal(String url) {
        LandingRoot.Resolution resolution = landing.resolve(url);
        assertThat(resolution).isInstanceOf(LandingRoot.Refused.class);
        return ((LandingRoot.Refused) resolution).why();
    }

    @Test
    void shouldResolveAFileInsideTheRoot() throws IOException {
        Path file = Files.writeString(Files.createDirectories(root.resolve("titles")).resolve("my titles.csv"), "x");

        Path real = file.toRealPath();

        LandingRoot.Resolution resolution = landing.resolve(file.toUri().toString());

        assertThat(resolution).isInstanceOfSatisfying(LandingRoot.Resolved.class, resolved -> {
            assertThat(resolved.relativePath()).isEqualTo("titles/my titles.csv");
            assertThat(resolved.file()).isEqualTo(real);
        });
    }

    @Test
    void shouldRefuseUrlsThatAreNotLocalFiles() {
        assertThat(refusal("https://account.blob.core.windows.net/landing/a.csv").reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
        assertThat(refusal("not a url").reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
        assertThat(refusal("file://otherhost/landing/a.csv").reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
        assertThat(refusal(null).reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
    }

    @Test
    void shouldRefuseFilesOutsideTheRootWithoutReadingThem() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.csv"), "x");

        assertThat(refusal(outside.toUri().toString()).reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
        assertThat(refusal("file:///etc/passwd").reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
    }

    @Test
    void shouldRefuseDotDotSegmentsEvenWhenTheyStayInside() throws IOException {
        Files.writeString(root.resolve("a.csv"), "x");
        String base = root.toUri().toString();

        assertThat(refusal(base + "sub/../a.csv").reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
        assertThat(refusal(base + "../secret.csv").reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
        assertThat(refusal(base + "%2e%2e/secret.csv").reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
    }

    @Test
    void shouldRefuseSymlinksThatLeadOutOfTheRoot() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.csv"), "x");
        Path link = Files.createSymbolicLink(root.resolve("link_titles.csv"), outside);
        Path outsideDir = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("b.csv"), "x");
        Files.createSymbolicLink(root.resolve("linked-dir"), outsideDir);

        assertThat(refusal(link.toUri().toString()).text()).isEqualTo("URL_NOT_ALLOWED (resolves outside the landing root)");
        assertThat(refusal(root.resolve("linked-dir/b.csv").toUri().toString()).reason()).isEqualTo(Reason.URL_NOT_ALLOWED);
    }

    @Test
    void shouldAcceptASymlinkThatStaysInsideTheRoot() throws IOException {
        Path target = Files.writeString(root.resolve("real.csv"), "x");
        Path link = Files.createSymbolicLink(root.resolve("alias.csv"), target);

        assertThat(landing.resolve(link.toUri().toString())).isInstanceOfSatisfying(LandingRoot.Resolved.class,
                resolved -> assertThat(resolved.relativePath()).isEqualTo("real.csv"));
    }

    @Test
    void shouldReportMissingFilesAndFoldersAsNotFound() throws IOException {
        Files.createDirectories(root.resolve("folder"));

        assertThat(refusal(root.resolve("missing.csv").toUri().toString()).reason()).isEqualTo(Reason.BLOB_NOT_FOUND);
        assertThat(refusal(root.resolve("folder").toUri().toString()).reason()).isEqualTo(Reason.BLOB_NOT_FOUND);
    }
}
