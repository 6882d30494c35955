package io.netflixlakehouse.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Retries transient storage errors of another store with exponential backoff (policy
 * STORAGE_UNAVAILABLE). Resolving is retried while the store answers STORAGE_UNAVAILABLE; reading
 * resumes where it stopped (the blob is reopened at the byte reached) after a
 * {@link BlobStore.TransientStorageException}. When every attempt failed, resolving gives
 * STORAGE_UNAVAILABLE and reading throws {@link BlobStore.StorageUnavailableException}. The attempt
 * count restarts after a read that made progress, so a long file survives several short outages.
 */
public final class RetryingBlobStore implements BlobStore {

    private final BlobStore delegate;
    private final RetryPolicy policy;
    private final RetryPolicy.Sleeper sleeper;

    public RetryingBlobStore(BlobStore delegate, RetryPolicy policy, RetryPolicy.Sleeper sleeper) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public boolean claims(String url) {
        return delegate.claims(url);
    }

    @Override
    public Resolution resolve(String url) {
        Refused last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Resolution resolution = delegate.resolve(url);
            if (resolution instanceof Resolved resolved) {
                return new Resolved(resolved.container(), resolved.relativePath(), resolved.eTag(), resolved.size(),
                        offset -> new ResumingInputStream(resolved.blob(), offset));
            }
            last = (Refused) resolution;
            if (!last.isTransient()) {
                return last;
            }
            if (attempt < policy.maxAttempts() && !pause(attempt)) {
                break;
            }
        }
        String detail = last.why().detail() == null ? "" : ": " + last.why().detail();
        return new Refused(new Failure(Reason.STORAGE_UNAVAILABLE,
                "(after " + policy.maxAttempts() + " attempts" + detail + ")"));
    }

    /** @return false if interrupted (the caller gives up) */
    private boolean pause(int failedAttempt) {
        Duration wait = policy.backoff(failedAttempt);
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Reads a blob, reopening it at the current position after a transient error. */
    private final class ResumingInputStream extends InputStream {

        private final Blob blob;
        private long position;
        private InputStream current;
        private int failures;

        ResumingInputStream(Blob blob, long offset) {
            this.blob = blob;
            this.position = offset;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (true) {
                try {
                    if (current == null) {
                        current = blob.open(position);
                    }
                    int n = current.read(buffer, offset, length);
                    if (n > 0) {
                        position += n;
                        failures = 0;
                    }
                    return n;
                } catch (TransientStorageException e) {
                    closeCurrent();
                    failures++;
                    if (failures >= policy.maxAttempts() || !pause(failures)) {
                        throw new StorageUnavailableException("storage unavailable after " + failures
                                + " attempts at byte " + position + ": " + e.getMessage(), e);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        private void closeCurrent() {
            try {
                close();
            } catch (IOException ignored) {
                current = null; // the broken stream is dropped either way; the next attempt opens a new one
            }
        }
    }
}
