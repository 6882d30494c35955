package io.netflixlakehouse.ingest.domain;

/**
 * What a listing sees of a file or blob in one poll.
 *
 * @param size bytes
 * @param modifiedNanos last-modified time in nanoseconds since the epoch
 * @param eTag its version tag: the store's (Azure), or derived from size and time (local files)
 */
public record FileStat(long size, long modifiedNanos, String eTag) {

    /** A local file: its eTag derives from size and modification time. */
    public FileStat(long size, long modifiedNanos) {
        this(size, modifiedNanos, ETags.of(size, modifiedNanos));
    }
}
