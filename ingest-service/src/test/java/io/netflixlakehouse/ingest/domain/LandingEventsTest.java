package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LandingEventsTest {

    @Test
    void shouldDescribeALandedFileInTheEventGridSchema() {
        Path root = Path.of("/data/landing");
        FileStat stat = new FileStat(3_399_671, 1_764_065_730_123_456_789L);
        StableFile file = new StableFile("kaggle/netflix titles.csv", stat, stat.eTag());

        BlobCreatedEvent event = new LandingEvents(root).blobCreated(file, "id-1", Instant.parse("2026-11-25T10:15:30Z"));

        assertThat(event.id()).isEqualTo("id-1");
        assertThat(event.topic()).isEqualTo("local:///data/landing");
        assertThat(event.subject()).isEqualTo("/blobServices/default/containers/landing/blobs/kaggle/netflix titles.csv");
        assertThat(event.eventType()).isEqualTo("Microsoft.Storage.BlobCreated");
        assertThat(event.eventTime()).isEqualTo("2026-11-25T10:15:30Z");
        assertThat(event.dataVersion()).isEmpty();
        assertThat(event.metadataVersion()).isEqualTo("1");
        assertThat(event.data().api()).isEqualTo("PutBlob");
        assertThat(event.data().eTag()).isEqualTo(stat.eTag());
        assertThat(event.data().contentType()).isEqualTo("text/csv");
        assertThat(event.data().contentLength()).isEqualTo(3_399_671L);
        assertThat(event.data().blobType()).isEqualTo("BlockBlob");
        assertThat(event.data().url()).isEqualTo("file:///data/landing/kaggle/netflix%20titles.csv");
        assertThat(event.data().sequencer()).hasSize(32);
    }

    @Test
    void shouldProduceAnEventTheParserAcceptsAndTheRootResolves(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path csv = java.nio.file.Files.writeString(dir.resolve("netflix_titles.csv"), "show_id\ns1\n");
        FileStat stat = new FileStat(java.nio.file.Files.size(csv), 1L);
        BlobCreatedEvent event = new LandingEvents(dir).blobCreated(
                new StableFile("netflix_titles.csv", stat, stat.eTag()), "id-2", Fixtures.NOW);

        EventDecision decision = new BlobEventParser().parse(io.netflixlakehouse.contracts.serde.Json.mapper().writeValueAsString(event)).get(0);

        assertThat(decision).isInstanceOfSatisfying(EventDecision.Ingest.class,
                ingest -> assertThat(new LandingRoot(dir).resolve(ingest.url())).isInstanceOf(LandingRoot.Resolved.class));
    }
}
