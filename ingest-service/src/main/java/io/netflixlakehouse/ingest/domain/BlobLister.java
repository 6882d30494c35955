package io.netflixlakehouse.ingest.domain;

import java.io.IOException;
import java.util.Map;

/** Lists a folder or a container (directory-listing discovery): path or blob name to what is seen of it. */
@FunctionalInterface
public interface BlobLister {

    /** @throws IOException if the listing failed (the watcher retries at its next poll) */
    Map<String, FileStat> scan() throws IOException;
}
