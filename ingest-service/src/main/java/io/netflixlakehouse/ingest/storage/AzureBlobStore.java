package io.netflixlakehouse.ingest.storage;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import io.netflixlakehouse.ingest.domain.AccountUrls;
import io.netflixlakehouse.ingest.domain.BlobStore;
import io.netflixlakehouse.ingest.domain.Failure;
import io.netflixlakehouse.ingest.domain.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * One Azure storage account (or Azurite) as a blob store. Only urls of its account and of the
 * configured containers are read ({@link AccountUrls}); the blob is streamed in blocks
 * ({@code BlobClient.openInputStream}, never whole in memory) and every read is pinned to the eTag
 * found when resolving. Errors are classified, not retried here: 404 is BLOB_NOT_FOUND, 401/403
 * STORAGE_ACCESS_DENIED, 5xx/408/429 and I/O errors (timeouts, resets) are transient
 * (STORAGE_UNAVAILABLE, retried by {@link io.netflixlakehouse.ingest.domain.RetryingBlobStore}).
 */
public final class AzureBlobStore implements BlobStore {

    /** Bytes fetched per request while streaming a blob. */
    static final int BLOCK_SIZE = 4 * 1024 * 1024;

    private final BlobServiceClient client;
    private final AccountUrls urls;

    public AzureBlobStore(BlobServiceClient client, Set<String> containers) {
        this.client = client;
        this.urls = new AccountUrls(client.getAccountUrl(), containers);
    }

    public AccountUrls urls() {
        return urls;
    }

    public BlobServiceClient client() {
        return client;
    }

    @Override
    public boolean claims(String url) {
        return urls.claims(url);
    }

    @Override
    public Resolution resolve(String url) {
        AccountUrls.Match match = urls.match(url);
        if (match instanceof AccountUrls.Refused refused) {
            return new Refused(refused.why());
        }
        AccountUrls.Blob named = (AccountUrls.Blob) match;
        BlobClient blob = client.getBlobContainerClient(named.container()).getBlobClient(named.name());
        BlobProperties properties;
        try {
            properties = blob.getProperties();
        } catch (RuntimeException e) {
            return new Refused(classify(e));
        }
        String rawETag = properties.getETag();
        return new Resolved(named.container(), named.name(), unquote(rawETag), properties.getBlobSize(),
                offset -> open(blob, rawETag, offset));
    }

    private static InputStream open(BlobClient blob, String rawETag, long offset) throws IOException {
        BlobInputStreamOptions options = new BlobInputStreamOptions()
                .setRange(new BlobRange(offset))
                .setBlockSize(BLOCK_SIZE)
                .setRequestConditions(new BlobRequestConditions().setIfMatch(rawETag));
        try {
            return new TranslatingInputStream(blob.openInputStream(options));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** Why a storage call failed, as a reason code. */
    static Failure classify(Throwable error) {
        Integer status = status(error);
        String detail = "(" + summary(error) + ")";
        if (status != null) {
            if (status == 404) {
                return new Failure(Reason.BLOB_NOT_FOUND, detail);
            }
            if (status == 401 || status == 403) {
                return new Failure(Reason.STORAGE_ACCESS_DENIED, detail);
            }
            if (isTransientStatus(status)) {
                return new Failure(Reason.STORAGE_UNAVAILABLE, detail);
            }
            return new Failure(Reason.READ_ERROR, detail);
        }
        return isTransient(error) ? new Failure(Reason.STORAGE_UNAVAILABLE, detail) : new Failure(Reason.READ_ERROR, detail);
    }

    /** A storage error as the IOException the domain understands. */
    static IOException translate(Throwable error) {
        Integer status = status(error);
        if (status != null && status == 404) {
            return new NoSuchFileException(summary(error));
        }
        if (status != null && status == 412) {
            return new IOException("the blob changed while it was read (eTag no longer matches)", error);
        }
        if (status != null ? isTransientStatus(status) : isTransient(error)) {
            return new TransientStorageException(summary(error), error);
        }
        return error instanceof IOException io ? io : new IOException(summary(error), error);
    }

    private static boolean isTransientStatus(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** No HTTP answer: a connection refused or reset, a timeout. */
    private static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException && !(cause instanceof java.net.SocketTimeoutException)) {
                return false;
            }
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Integer status(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException http && http.getResponse() != null) {
                return http.getResponse().getStatusCode();
            }
        }
        return null;
    }

    private static String summary(Throwable error) {
        Integer status = status(error);
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse("").trim();
        return status == null ? firstLine : "HTTP " + status + ": " + firstLine;
    }

    private static String unquote(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }

    /** Turns the SDK's read errors (IOExceptions wrapping storage exceptions) into the domain's. */
    private static final class TranslatingInputStream extends FilterInputStream {

        TranslatingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
        }
    }
}
