package io.netflixlakehouse.ingest.domain;

/**
 * A landed file whose size and modification time stayed the same over the settle time (or a listed blob), in a version
 * not announced yet.
 *
 * @param relativePath path under the landing root, {@code /} separators
 * @param stat its size and modification time
 * @param eTag its version tag
 */
public record StableFile(String relativePath, FileStat stat, String eTag) {
}
