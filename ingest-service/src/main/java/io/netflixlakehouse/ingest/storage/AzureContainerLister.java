package io.netflixlakehouse.ingest.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.netflixlakehouse.ingest.domain.BlobLister;
import io.netflixlakehouse.ingest.domain.FileStat;
import io.netflixlakehouse.ingest.domain.StabilityTracker;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lists the committed blobs of a container under a prefix (pages of 5,000, streamed by the SDK):
 * name to size, last-modified time and eTag. Hidden names, {@code *.tmp} and {@code *.part} are left
 * out, as in the landing folder.
 */
public final class AzureContainerLister implements BlobLister {

    private final BlobContainerClient container;
    private final String prefix;

    public AzureContainerLister(BlobContainerClient container, String prefix) {
        this.container = container;
        this.prefix = prefix;
    }

    @Override
    public Map<String, FileStat> scan() {
        Map<String, FileStat> blobs = new HashMap<>();
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix.isEmpty() ? null : prefix);
        for (BlobItem item : container.listBlobs(options, null)) {
            if (Boolean.TRUE.equals(item.isDeleted()) || Boolean.TRUE.equals(item.isPrefix())
                    || StabilityTracker.isIgnored(item.getName())) {
                continue;
            }
            BlobItemProperties properties = item.getProperties();
            Instant modified = properties.getLastModified().toInstant();
            long nanos = TimeUnit.SECONDS.toNanos(modified.getEpochSecond()) + modified.getNano();
            String eTag = properties.getETag();
            if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
                eTag = eTag.substring(1, eTag.length() - 1);
            }
            long size = properties.getContentLength() == null ? 0 : properties.getContentLength();
            blobs.put(item.getName(), new FileStat(size, nanos, eTag));
        }
        return blobs;
    }
}
