package io.netflixlakehouse.ingest.domain;

/**
 * What the watcher sees of a landed file in one poll.
 *
 * @param size bytes
 * @param modifiedNanos last-modified time in nanoseconds since the epoch
 */
public record FileStat(long size, long modifiedNanos) {

    public String eTag() {
        return ETags.of(size, modifiedNanos);
    }
}
