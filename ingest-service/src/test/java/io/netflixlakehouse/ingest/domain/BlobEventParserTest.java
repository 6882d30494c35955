package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlobEventParserTest {

    private final BlobEventParser parser = new BlobEventParser();

    static String event(String eventType, String api, String url) {
        return """
                {"id":"e-1","topic":"local:///landing","subject":"/blobServices/default/containers/landing/blobs/a.csv",
                 "eventType":"%s","eventTime":"2026-11-25T10:15:30.1234567Z",
                 "data":{"api":"%s","eTag":"0x1","contentType":"text/csv","contentLength":10,"blobType":"BlockBlob",
                         "url":"%s","sequencer":"01"},
                 "dataVersion":"","metadataVersion":"1"}
                """.formatted(eventType, api, url);
    }

    @Test
    void shouldAcceptTheGoldenBlobCreatedSample() {
        EventDecision decision = parser.parse(GoldenSamples.read(Topics.BLOB_EVENTS));

        assertThat(decision).isInstanceOfSatisfying(EventDecision.Ingest.class, ingest -> {
            assertThat(ingest.url()).isEqualTo("https://netflixlanding.blob.core.windows.net/landing/titles/netflix_titles.csv");
            assertThat(ingest.eTag()).isEqualTo("0x8DC5F1A2B3C4D5E");
            assertThat(ingest.eventTime()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123Z"));
            assertThat(ingest.event().id()).isEqualTo("5c1f7d0e-9a4b-4f1e-8f36-2a7e0f6c1b11");
        });
    }

    @Test
    void shouldAcceptEveryApiThatCompletesABlob() {
        for (String api : BlobEventParser.INGESTED_APIS) {
            assertThat(parser.parse(event("Microsoft.Storage.BlobCreated", api, "file:///a.csv")))
                    .isInstanceOf(EventDecision.Ingest.class);
        }
    }

    @Test
    void shouldParseEventGridTimesWithSevenFractionDigits() {
        EventDecision decision = parser.parse(event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv"));

        assertThat(((EventDecision.Ingest) decision).eventTime()).isEqualTo(Instant.parse("2026-11-25T10:15:30.1234567Z"));
    }

    @Test
    void shouldSkipOtherEventTypes() {
        EventDecision decision = parser.parse(event("Microsoft.Storage.BlobDeleted", "DeleteBlob", "file:///a.csv"));

        assertThat(decision).isInstanceOfSatisfying(EventDecision.Skip.class, skip -> {
            assertThat(skip.why().reason()).isEqualTo(Reason.NOT_BLOB_CREATED);
            assertThat(skip.eventId()).isEqualTo("e-1");
        });
    }

    @Test
    void shouldSkipApisThatDoNotCompleteABlob() {
        EventDecision decision = parser.parse(event("Microsoft.Storage.BlobCreated", "PutBlock", "file:///a.csv"));

        assertThat(decision).isInstanceOfSatisfying(EventDecision.Skip.class,
                skip -> assertThat(skip.why().text()).isEqualTo("API_NOT_INGESTED (PutBlock)"));
    }

    @Test
    void shouldCallMalformedJsonMalformed() {
        assertThat(parser.parse("{not json")).isInstanceOfSatisfying(EventDecision.Malformed.class,
                malformed -> assertThat(malformed.why().reason()).isEqualTo(Reason.MALFORMED_EVENT));
        assertThat(parser.parse("")).isInstanceOf(EventDecision.Malformed.class);
        assertThat(parser.parse(null)).isInstanceOf(EventDecision.Malformed.class);
        assertThat(parser.parse("[1,2]")).isInstanceOf(EventDecision.Malformed.class);
    }

    @Test
    void shouldCallAnEventWithoutUrlOrETagOrTimeMalformed() {
        String noUrl = event("Microsoft.Storage.BlobCreated", "PutBlob", "").replace("\"url\":\"\"", "\"url\":null");
        String noETag = event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv").replace("\"eTag\":\"0x1\",", "");
        String badTime = event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv").replace("2026-11-25T10:15:30.1234567Z", "yesterday");

        assertThat(parser.parse(noUrl)).isInstanceOfSatisfying(EventDecision.Malformed.class,
                m -> assertThat(m.why().text()).isEqualTo("MALFORMED_EVENT (missing data.url)"));
        assertThat(parser.parse(noETag)).isInstanceOfSatisfying(EventDecision.Malformed.class,
                m -> assertThat(m.why().text()).isEqualTo("MALFORMED_EVENT (missing data.eTag)"));
        assertThat(parser.parse(badTime)).isInstanceOf(EventDecision.Malformed.class);
    }
}
