package io.netflixlakehouse.ingest.domain;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where blob urls are read from: the landing folder, Azure Blob Storage, or several of them. A store
 * resolves only urls it is configured for (its root, its storage account and containers); anything
 * else is refused with a reason and never fetched.
 */
public interface BlobStore {

    /** Whether this store is the one for the url (its scheme, host and account); it may still refuse it. */
    boolean claims(String url);

    /** Resolves a url: a readable blob, or why not. Never throws for a bad or unreachable url. */
    Resolution resolve(String url);

    /** What a url resolves to. */
    sealed interface Resolution permits Resolved, Refused {
    }

    /**
     * A blob that may be read.
     *
     * @param container the container ({@code landing} for the landing folder)
     * @param relativePath the path inside the container, {@code /} separators; datasets match on it
     * @param eTag the version found when resolving (the reads are pinned to it where the store can)
     * @param size bytes, or -1 if unknown
     * @param blob opens its content
     */
    record Resolved(String container, String relativePath, String eTag, long size, Blob blob) implements Resolution {
    }

    /** Refused (URL_NOT_ALLOWED), missing (BLOB_NOT_FOUND) or unreachable (STORAGE_UNAVAILABLE: worth retrying). */
    record Refused(Failure why) implements Resolution {

        public boolean isTransient() {
            return why.reason() == Reason.STORAGE_UNAVAILABLE;
        }
    }

    /** The content of one resolved blob, streamed. */
    @FunctionalInterface
    interface Blob {

        /**
         * A stream of the content from byte {@code offset} on (to resume a read).
         *
         * @throws java.nio.file.NoSuchFileException if the blob is gone
         * @throws TransientStorageException if the store is unreachable for now (worth retrying)
         */
        InputStream open(long offset) throws IOException;
    }

    /** A storage error worth retrying: a 5xx or 429 answer, a timeout, a reset connection. */
    final class TransientStorageException extends IOException {

        public TransientStorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The store stayed unreachable through every attempt of the retry policy (reason STORAGE_UNAVAILABLE). */
    final class StorageUnavailableException extends IOException {

        public StorageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
