package io.netflixlakehouse.launcher.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.launcher.cli.LakehouseCli;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BlobUploadTest {

    @Test
    void shouldNameTheBlobAfterTheFileUnderThePrefix() {
        Path file = Path.of("/data/kaggle/netflix_titles.csv");

        assertThat(BlobUpload.blobName("", file)).isEqualTo("netflix_titles.csv");
        assertThat(BlobUpload.blobName("/2026/11/", file)).isEqualTo("2026/11/netflix_titles.csv");
        assertThat(BlobUpload.blobName("kaggle", file)).isEqualTo("kaggle/netflix_titles.csv");
    }

    @Test
    void shouldBuildEventGridUrlsWithSlashesKeptAndSegmentsEncoded() {
        assertThat(BlobUpload.blobUrl("http://127.0.0.1:10000/devstoreaccount1/landing", "2026/netflix titles#1.csv"))
                .isEqualTo("http://127.0.0.1:10000/devstoreaccount1/landing/2026/netflix%20titles%231.csv");
        assertThat(BlobUpload.blobUrl("https://acct.blob.core.windows.net/landing/", "a.csv"))
                .isEqualTo("https://acct.blob.core.windows.net/landing/a.csv");
    }

    @Test
    void shouldRefuseToUploadWithoutAConnectionStringOrAFile() {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
            int noConnection = LakehouseCli.commandLine().execute("upload", "pom.xml", "--container", "landing",
                    "--connection-string", "", "--bootstrap-servers", "127.0.0.1:1");
            int noFile = LakehouseCli.commandLine().execute("upload", "no-such-file.csv", "--container", "landing",
                    "--connection-string", "UseDevelopmentStorage=true", "--bootstrap-servers", "127.0.0.1:1");

            assertThat(noConnection).isEqualTo(2);
            assertThat(noFile).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
    }
}
