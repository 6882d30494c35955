package io.netflixlakehouse.ingest.domain;

import java.util.List;

/**
 * The configured stores together: a url goes to the first store that claims it (by scheme, host and
 * account). A url no store claims is refused (URL_NOT_ALLOWED) and never fetched.
 */
public final class RoutingBlobStore implements BlobStore {

    private final List<BlobStore> stores;

    public RoutingBlobStore(List<BlobStore> stores) {
        this.stores = List.copyOf(stores);
    }

    @Override
    public boolean claims(String url) {
        return stores.stream().anyMatch(store -> store.claims(url));
    }

    @Override
    public Resolution resolve(String url) {
        if (url == null || url.isBlank()) {
            return new Refused(new Failure(Reason.URL_NOT_ALLOWED, "(no url)"));
        }
        for (BlobStore store : stores) {
            if (store.claims(url)) {
                return store.resolve(url);
            }
        }
        return new Refused(new Failure(Reason.URL_NOT_ALLOWED, "(no configured landing root or storage account for this url)"));
    }
}
