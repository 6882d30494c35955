package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

    static String cloudEvent(String id, String api, String url) {
        return """
                {"specversion":"1.0","type":"Microsoft.Storage.BlobCreated","source":"/subscriptions/s/storageAccounts/acct",
                 "id":"%s","time":"2026-11-25T10:15:30Z","subject":"/blobServices/default/containers/landing/blobs/a.csv",
                 "data":{"api":"%s","eTag":"0x2","contentLength":10,"url":"%s"}}
                """.formatted(id, api, url);
    }

    static String sample(String name) {
        try (InputStream in = BlobEventParserTest.class.getResourceAsStream("/blob-events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource blob-events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one decision of a message that holds one event. */
    private EventDecision one(String payload) {
        List<EventDecision> decisions = parser.parse(payload);
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    @Test
    void shouldAcceptTheGoldenBlobCreatedSample() {
        EventDecision decision = one(GoldenSamples.read(Topics.BLOB_EVENTS));

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
            assertThat(one(event("Microsoft.Storage.BlobCreated", api, "file:///a.csv")))
                    .isInstanceOf(EventDecision.Ingest.class);
        }
    }

    @Test
    void shouldParseEventGridTimesWithSevenFractionDigits() {
        EventDecision decision = one(event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv"));

        assertThat(((EventDecision.Ingest) decision).eventTime()).isEqualTo(Instant.parse("2026-11-25T10:15:30.1234567Z"));
    }

    @Test
    void shouldSkipOtherEventTypes() {
        EventDecision decision = one(event("Microsoft.Storage.BlobDeleted", "DeleteBlob", "file:///a.csv"));

        assertThat(decision).isInstanceOfSatisfying(EventDecision.Skip.class, skip -> {
            assertThat(skip.why().reason()).isEqualTo(Reason.NOT_BLOB_CREATED);
            assertThat(skip.eventId()).isEqualTo("e-1");
        });
    }

    @Test
    void shouldSkipApisThatDoNotCompleteABlob() {
        EventDecision decision = one(event("Microsoft.Storage.BlobCreated", "PutBlock", "file:///a.csv"));

        assertThat(decision).isInstanceOfSatisfying(EventDecision.Skip.class,
                skip -> assertThat(skip.why().text()).isEqualTo("API_NOT_INGESTED (PutBlock)"));
    }

    @Test
    void shouldCallMalformedJsonMalformed() {
        assertThat(one("{not json")).isInstanceOfSatisfying(EventDecision.Malformed.class,
                malformed -> assertThat(malformed.why().reason()).isEqualTo(Reason.MALFORMED_EVENT));
        assertThat(one("")).isInstanceOf(EventDecision.Malformed.class);
        assertThat(one(null)).isInstanceOf(EventDecision.Malformed.class);
        assertThat(one("42")).isInstanceOf(EventDecision.Malformed.class);
        assertThat(one("[]")).isInstanceOfSatisfying(EventDecision.Malformed.class,
                malformed -> assertThat(malformed.why().text()).isEqualTo("MALFORMED_EVENT (empty batch)"));
    }

    @Test
    void shouldCallAnEventWithoutUrlOrETagOrTimeMalformed() {
        String noUrl = event("Microsoft.Storage.BlobCreated", "PutBlob", "").replace("\"url\":\"\"", "\"url\":null");
        String noETag = event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv").replace("\"eTag\":\"0x1\",", "");
        String badTime = event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv").replace("2026-11-25T10:15:30.1234567Z", "yesterday");

        assertThat(one(noUrl)).isInstanceOfSatisfying(EventDecision.Malformed.class,
                m -> assertThat(m.why().text()).isEqualTo("MALFORMED_EVENT (missing data.url)"));
        assertThat(one(noETag)).isInstanceOfSatisfying(EventDecision.Malformed.class,
                m -> assertThat(m.why().text()).isEqualTo("MALFORMED_EVENT (missing data.eTag)"));
        assertThat(one(badTime)).isInstanceOf(EventDecision.Malformed.class);
    }

    @Test
    void shouldDecideEachEventOfAnEventGridArrayAndSkipTheApiThatIsNotIngested() {
        List<EventDecision> decisions = parser.parse(sample("event-grid-batch.json"));

        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0)).isInstanceOfSatisfying(EventDecision.Ingest.class, ingest -> {
            assertThat(ingest.url()).isEqualTo("https://netflixlanding.blob.core.windows.net/landing/titles/netflix_titles.csv");
            assertThat(ingest.eTag()).isEqualTo("0x8DC5F1A2B3C4D5E");
            assertThat(ingest.event().id()).isEqualTo("0b1c2d3e-0001-0000-0000-000000000001");
        });
        assertThat(decisions.get(1)).isInstanceOfSatisfying(EventDecision.Skip.class, skip -> {
            assertThat(skip.why().text()).isEqualTo("API_NOT_INGESTED (CreateFile)");
            assertThat(skip.eventId()).isEqualTo("0b1c2d3e-0001-0000-0000-000000000002");
        });
    }

    @Test
    void shouldMapTheGoldenCloudEventOntoTheEventGridShape() {
        EventDecision decision = one(sample("cloudevents.json"));

        assertThat(decision).isInstanceOfSatisfying(EventDecision.Ingest.class, ingest -> {
            assertThat(ingest.url()).isEqualTo("https://netflixlanding.blob.core.windows.net/landing/titles/netflix_titles.csv");
            assertThat(ingest.eTag()).isEqualTo("0x8DC5F1A2B3C4D60");
            assertThat(ingest.eventTime()).isEqualTo(Instant.parse("2026-11-25T10:15:30.1234567Z"));
            assertThat(ingest.event().id()).isEqualTo("9aeb0fdf-c01e-0131-0922-9eb54906e209");
            assertThat(ingest.event().eventType()).isEqualTo("Microsoft.Storage.BlobCreated");
            assertThat(ingest.event().eventTime()).isEqualTo("2026-11-25T10:15:30.1234567Z");
            assertThat(ingest.event().topic()).endsWith("/storageAccounts/netflixlanding");
            assertThat(ingest.event().subject()).isEqualTo("/blobServices/default/containers/landing/blobs/titles/netflix_titles.csv");
            assertThat(ingest.event().data().api()).isEqualTo("PutBlob");
            assertThat(ingest.event().data().contentLength()).isEqualTo(3399671L);
        });
    }

    @Test
    void shouldDecideEachEventOfACloudEventsBatchInOrder() {
        String batch = "[" + cloudEvent("c-1", "PutBlob", "file:///a.csv") + ","
                + cloudEvent("c-2", "PutBlock", "file:///b.csv") + ","
                + cloudEvent("c-3", "CopyBlob", "file:///c.csv") + "]";

        List<EventDecision> decisions = parser.parse(batch);

        assertThat(decisions).hasSize(3);
        assertThat(decisions.get(0)).isInstanceOfSatisfying(EventDecision.Ingest.class,
                ingest -> assertThat(ingest.url()).isEqualTo("file:///a.csv"));
        assertThat(decisions.get(1)).isInstanceOfSatisfying(EventDecision.Skip.class,
                skip -> assertThat(skip.eventId()).isEqualTo("c-2"));
        assertThat(decisions.get(2)).isInstanceOfSatisfying(EventDecision.Ingest.class, ingest -> {
            assertThat(ingest.url()).isEqualTo("file:///c.csv");
            assertThat(ingest.eventTime()).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
        });
    }

    @Test
    void shouldSkipCloudEventsOfAnotherType() {
        String deleted = cloudEvent("c-9", "DeleteBlob", "file:///a.csv").replace("BlobCreated", "BlobDeleted");

        assertThat(one(deleted)).isInstanceOfSatisfying(EventDecision.Skip.class,
                skip -> assertThat(skip.why().text()).isEqualTo("NOT_BLOB_CREATED (Microsoft.Storage.BlobDeleted)"));
    }

    @Test
    void shouldFailOnlyTheMalformedElementOfABatch() {
        String batch = "[" + event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv") + ",\"oops\","
                + cloudEvent("c-2", "PutBlob", "") + ","
                + cloudEvent("c-3", "PutBlob", "file:///c.csv") + "]";

        List<EventDecision> decisions = parser.parse(batch);

        assertThat(decisions).hasSize(4);
        assertThat(decisions.get(0)).isInstanceOf(EventDecision.Ingest.class);
        assertThat(decisions.get(1)).isInstanceOfSatisfying(EventDecision.Malformed.class, malformed -> {
            assertThat(malformed.why().text()).isEqualTo("MALFORMED_EVENT (event 2 of 4: not a JSON object)");
            assertThat(malformed.source()).isEqualTo("\"oops\"");
        });
        assertThat(decisions.get(2)).isInstanceOfSatisfying(EventDecision.Malformed.class,
                malformed -> assertThat(malformed.why().text()).isEqualTo("MALFORMED_EVENT (event 3 of 4: missing data.url)"));
        assertThat(decisions.get(3)).isInstanceOf(EventDecision.Ingest.class);
    }

    @Test
    void shouldCallAnEventOfUnknownSchemaMalformed() {
        String neither = "{\"id\":\"x\",\"data\":{\"api\":\"PutBlob\",\"url\":\"file:///a.csv\",\"eTag\":\"0x1\"}}";

        assertThat(one(neither)).isInstanceOfSatisfying(EventDecision.Malformed.class, malformed -> assertThat(malformed.why().text())
                .isEqualTo("MALFORMED_EVENT (unknown schema: neither eventType (Event Grid) nor specversion (CloudEvents))"));
        assertThat(one(cloudEvent("c-1", "PutBlob", "file:///a.csv").replace("\"1.0\"", "\"0.3\"")))
                .isInstanceOfSatisfying(EventDecision.Malformed.class, malformed -> assertThat(malformed.why().text())
                        .isEqualTo("MALFORMED_EVENT (unsupported CloudEvents specversion 0.3)"));
    }

    @Test
    void shouldKeepTheWholeMessageAsTheSourceOfASingleMalformedEvent() {
        String payload = event("Microsoft.Storage.BlobCreated", "PutBlob", "file:///a.csv").replace("\"id\":\"e-1\",", "");

        assertThat(one(payload)).isInstanceOfSatisfying(EventDecision.Malformed.class, malformed -> {
            assertThat(malformed.why().text()).isEqualTo("MALFORMED_EVENT (missing id)");
            assertThat(malformed.source()).isEqualTo(payload);
        });
    }
}
