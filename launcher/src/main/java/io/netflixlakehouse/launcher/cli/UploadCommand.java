package io.netflixlakehouse.launcher.cli;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.BlobCreatedEvent;
import io.netflixlakehouse.launcher.azure.BlobUpload;
import io.netflixlakehouse.launcher.kafka.BlobEventSender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload files to Azure Blob Storage or Azurite (streamed) and publish a BlobCreated event",
                "(Event Grid schema) per file on " + Topics.BLOB_EVENTS + ", keyed by blob url: what Event Grid does",
                "for a real storage account, and what Azurite cannot do. An existing blob is overwritten (new eTag)."})
final class UploadCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to upload.")
    List<Path> files;

    @Option(names = "--container", required = true, description = "Target container.")
    String container;

    @Option(names = "--prefix", defaultValue = "", description = "Folder inside the container (default: its root).")
    String prefix;

    @Option(names = "--connection-string", defaultValue = "${env:AZURE_STORAGE_CONNECTION_STRING}",
            description = "Storage connection string (default: env AZURE_STORAGE_CONNECTION_STRING).")
    String connectionString;

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--create-container", description = "Create the container if it does not exist.")
    boolean createContainer;

    @Option(names = "--timeout", defaultValue = "10m",
            description = "Longest upload of one file, and wait for Kafka (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        if (connectionString == null || connectionString.isBlank()) {
            System.err.println("FAILED: no connection string: pass --connection-string or set AZURE_STORAGE_CONNECTION_STRING");
            return 2;
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                System.err.println("FAILED: not a file: " + file);
                return 2;
            }
        }
        BlobUpload upload;
        try {
            upload = BlobUpload.connect(connectionString);
        } catch (IllegalArgumentException e) {
            System.err.println("FAILED: " + e.getMessage());
            return 2;
        }
        try (BlobEventSender sender = new BlobEventSender(bootstrapServers, timeout)) {
            if (createContainer) {
                upload.createContainerIfMissing(container);
            }
            for (Path file : files) {
                BlobCreatedEvent event = upload.upload(file, container, BlobUpload.blobName(prefix, file), timeout);
                sender.send(event);
                System.out.printf("uploaded %s -> %s (%s, %,d bytes, %s); event %s on %s%n", file, event.data().url(),
                        event.data().eTag(), event.data().contentLength(), event.data().api(), event.id(), Topics.BLOB_EVENTS);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("FAILED: " + e.getMessage());
            return 1;
        }
    }
}
