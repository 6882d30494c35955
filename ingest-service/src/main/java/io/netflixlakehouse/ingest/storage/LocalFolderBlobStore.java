package io.netflixlakehouse.ingest.storage;

import io.netflixlakehouse.ingest.domain.BlobStore;
import io.netflixlakehouse.ingest.domain.ETags;
import io.netflixlakehouse.ingest.domain.LandingRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * The landing folder as a blob store (container {@code landing}). Its rules are {@link LandingRoot}'s:
 * only {@code file://} urls, no {@code ..} segment, nothing whose real path (symlinks resolved) leaves the root.
 */
public final class LocalFolderBlobStore implements BlobStore {

    /** The container name of the landing folder (as in the events its watcher publishes). */
    public static final String CONTAINER = "landing";

    private final LandingRoot root;

    public LocalFolderBlobStore(Path root) {
        this.root = new LandingRoot(root);
    }

    public Path root() {
        return root.path();
    }

    @Override
    public boolean claims(String url) {
        return url != null && url.regionMatches(true, 0, "file:", 0, 5);
    }

    @Override
    public Resolution resolve(String url) {
        LandingRoot.Resolution resolution = root.resolve(url);
        if (resolution instanceof LandingRoot.Refused refused) {
            return new Refused(refused.why());
        }
        LandingRoot.Resolved file = (LandingRoot.Resolved) resolution;
        String eTag = null;
        long size = -1;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            size = attributes.size();
            eTag = ETags.of(size, attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            // Gone between the checks and here: opening it reports BLOB_NOT_FOUND.
        }
        Path path = file.file();
        return new Resolved(CONTAINER, file.relativePath(), eTag, size, offset -> open(path, offset));
    }

    private static InputStream open(Path path, long offset) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return Channels.newInputStream(channel);
    }
}
