package io.netflixlakehouse.launcher.azure;

import com.azure.core.http.rest.Response;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Uploads files to a container of Azure Blob Storage or Azurite, streamed from disk in blocks (never
 * whole in memory), and describes each upload as the BlobCreated event Event Grid would deliver:
 * api PutBlob for a single-request upload, PutBlockList for a block upload, eTag from the upload's
 * response, contentLength the bytes uploaded.
 */
public final class BlobUpload {

    /** Files up to this size go in one PutBlob request; larger ones in blocks (PutBlock + PutBlockList). */
    public static final long MAX_SINGLE_UPLOAD = 32L * 1024 * 1024;
    static final long BLOCK_SIZE = 8L * 1024 * 1024;

    private final BlobServiceClient client;

    public BlobUpload(BlobServiceClient client) {
        this.client = client;
    }

    /** @throws IllegalArgumentException if the connection string is not valid (the message never repeats it) */
    public static BlobUpload connect(String connectionString) {
        try {
            return new BlobUpload(new BlobServiceClientBuilder().connectionString(connectionString).buildClient());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the connection string is not valid", e);
        }
    }

    public void createContainerIfMissing(String container) {
        client.createBlobContainerIfNotExists(container);
    }

    /** The blob name of a file uploaded under {@code prefix} (a folder, with or without slashes around it). */
    public static String blobName(String prefix, Path file) {
        String folder = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        String name = file.getFileName().toString();
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** Uploads (overwriting) and returns the event that announces the new version. */
    public BlobCreatedEvent upload(Path file, String container, String blobName, Duration timeout) throws IOException {
        long size = Files.size(file);
        BlobContainerClient containerClient = client.getBlobContainerClient(container);
        BlobClient blob = containerClient.getBlobClient(blobName);
        ParallelTransferOptions transfer = new ParallelTransferOptions()
                .setMaxSingleUploadSizeLong(MAX_SINGLE_UPLOAD)
                .setBlockSizeLong(BLOCK_SIZE)
                .setMaxConcurrency(2);
        String contentType = BlobCreatedEvent.contentType(blobName);
        BlobUploadFromFileOptions options = new BlobUploadFromFileOptions(file.toString())
                .setParallelTransferOptions(transfer)
                .setHeaders(new BlobHttpHeaders().setContentType(contentType));
        Response<BlockBlobItem> response = blob.uploadFromFileWithResponse(options, timeout, null);
        BlockBlobItem item = response.getValue();
        String api = size <= MAX_SINGLE_UPLOAD ? "PutBlob" : "PutBlockList";
        Instant modified = item.getLastModified() == null ? Instant.now() : item.getLastModified().toInstant();
        long modifiedNanos = TimeUnit.SECONDS.toNanos(modified.getEpochSecond()) + modified.getNano();
        return BlobCreatedEvent.of(UUID.randomUUID().toString(), Instant.now().toString(), accountUrl(),
                container, blobName, api, blobUrl(containerClient.getBlobContainerUrl(), blobName),
                unquote(item.getETag()), size, contentType, BlobCreatedEvent.sequencer(modifiedNanos, size));
    }

    private String accountUrl() {
        return client.getAccountUrl();
    }

    /** Like Event Grid's urls: the container url, then the blob name percent-encoded per segment, slashes kept. */
    static String blobUrl(String containerUrl, String blobName) {
        StringBuilder url = new StringBuilder(containerUrl.replaceAll("/+$", ""));
        for (String segment : blobName.split("/", -1)) {
            try {
                url.append('/').append(new URI(null, null, "/" + segment, null).getRawPath().substring(1));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a blob name: " + blobName, e);
            }
        }
        return url.toString();
    }

    private static String unquote(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
