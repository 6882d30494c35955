package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountUrlsTest {

    private final AccountUrls azurite = new AccountUrls("http://127.0.0.1:10000/devstoreaccount1", Set.of("landing"));
    private final AccountUrls azure = new AccountUrls("https://acct.blob.core.windows.net/", Set.of("landing", "seed"));

    @Test
    void shouldNameTheBlobOfAnAllowedContainer() {
        assertThat(azurite.match("http://127.0.0.1:10000/devstoreaccount1/landing/2026/netflix%20titles.csv"))
                .isEqualTo(new AccountUrls.Blob("landing", "2026/netflix titles.csv"));
        assertThat(azurite.match("http://127.0.0.1:10000/devstoreaccount1/landing/2026%2Fnetflix_titles.csv"))
                .isEqualTo(new AccountUrls.Blob("landing", "2026/netflix_titles.csv"));
        assertThat(azure.match("https://ACCT.blob.core.windows.net:443/seed/cast.csv"))
                .isEqualTo(new AccountUrls.Blob("seed", "cast.csv"));
    }

    @Test
    void shouldBuildUrlsItAccepts() {
        String url = azurite.blobUrl("landing", "2026/netflix titles#1.csv");

        assertThat(url).isEqualTo("http://127.0.0.1:10000/devstoreaccount1/landing/2026/netflix%20titles%231.csv");
        assertThat(azurite.match(url)).isEqualTo(new AccountUrls.Blob("landing", "2026/netflix titles#1.csv"));
    }

    @Test
    void shouldClaimOnlyItsOwnAccount() {
        assertThat(azurite.claims("http://127.0.0.1:10000/devstoreaccount1/other/x.csv")).isTrue();
        assertThat(azurite.claims("http://127.0.0.1:10000/otheraccount/landing/x.csv")).isFalse();
        assertThat(azurite.claims("http://127.0.0.1:10001/devstoreaccount1/landing/x.csv")).isFalse();
        assertThat(azurite.claims("https://127.0.0.1:10000/devstoreaccount1/landing/x.csv")).isFalse();
        assertThat(azure.claims("https://other.blob.core.windows.net/landing/x.csv")).isFalse();
        assertThat(azure.claims("https://acct.blob.core.windows.net.evil.example/landing/x.csv")).isFalse();
        assertThat(azure.claims("file:///landing/x.csv")).isFalse();
    }

    @Test
    void shouldRefuseEverythingElseWithAReason() {
        List<String> refused = List.of(
                "http://127.0.0.1:10000/devstoreaccount1/secrets/x.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing/../secrets/x.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing/%2e%2e/secrets/x.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing/a%2F..%2F..%2Fsecrets%2Fb.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing/a%5c..%5cb.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing/%252e%252e/x.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing/./x.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing//x.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing/x.csv?sv=2024&sig=abc",
                "http://127.0.0.1:10000/devstoreaccount1/landing/x.csv#frag",
                "http://user:pw@127.0.0.1:10000/devstoreaccount1/landing/x.csv",
                "http://127.0.0.1:10000/devstoreaccount1/landing",
                "http://127.0.0.1:10000/devstoreaccount1/landing/",
                "http://127.0.0.1:10000/otheraccount/landing/x.csv",
                "http://evil.example/devstoreaccount1/landing/x.csv",
                "not a url at all",
                "");

        for (String url : refused) {
            assertThat(azurite.match(url)).as(url).isInstanceOfSatisfying(AccountUrls.Refused.class,
                    r -> assertThat(r.why().reason()).isEqualTo(Reason.URL_NOT_ALLOWED));
        }
        assertThat(((AccountUrls.Refused) azurite.match(refused.get(0))).why().text())
                .isEqualTo("URL_NOT_ALLOWED (container secrets is not configured)");
    }

    @Test
    void shouldRouteByAccountAndRefuseUnclaimedUrls() {
        BlobStore landing = new FixedStore("file:");
        RoutingBlobStore routing = new RoutingBlobStore(List.of(landing));

        assertThat(routing.resolve("file:///x.csv")).isInstanceOf(BlobStore.Resolved.class);
        assertThat(routing.resolve("https://acct.blob.core.windows.net/landing/x.csv"))
                .isEqualTo(new BlobStore.Refused(new Failure(Reason.URL_NOT_ALLOWED,
                        "(no configured landing root or storage account for this url)")));
    }

    private record FixedStore(String prefix) implements BlobStore {

        @Override
        public boolean claims(String url) {
            return url.startsWith(prefix);
        }

        @Override
        public Resolution resolve(String url) {
            return new Resolved("landing", "x.csv", "0x1", 0, offset -> java.io.InputStream.nullInputStream());
        }
    }
}
