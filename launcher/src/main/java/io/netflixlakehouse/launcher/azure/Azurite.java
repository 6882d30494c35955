package io.netflixlakehouse.launcher.azure;

import io.netflixlakehouse.launcher.process.ManagedProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azurite's blob service as a process: {@code node} runs the Azurite that the build installed in
 * {@code build-support/azurite} (from its package-lock.json), in memory, on a free port that Azurite
 * picks and prints. Stopping it ends the process tree.
 */
public final class Azurite implements AutoCloseable {

    public static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's well-known development key (public, documented by Microsoft; only Azurite accepts it). */
    public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Pattern LISTENING = Pattern.compile("successfully listens on http://127\\.0\\.0\\.1:(\\d+)");

    private final ManagedProcess process;
    private final int port;

    private Azurite(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Where the build installs Azurite. */
    public static Path home(Path repositoryRoot) {
        return repositoryRoot.resolve("build-support").resolve("azurite");
    }

    /**
     * @param home the folder holding Azurite's node_modules
     * @throws IllegalStateException if Azurite is not installed or exits
     * @throws TimeoutException if it does not listen within {@code readyTimeout}
     */
    public static Azurite start(Path home, Path logFile, Duration readyTimeout) throws TimeoutException, InterruptedException {
        Path main = home.resolve("node_modules/azurite/dist/src/blob/main.js");
        if (!Files.isRegularFile(main)) {
            throw new IllegalStateException("Azurite is not installed at " + main + ": run `npm ci` in " + home
                    + " (`mvn -B verify` does it when node_modules is missing)");
        }
        ManagedProcess process = ManagedProcess.start("azurite", List.of("node", main.toString(), "--blobHost", "127.0.0.1",
                        "--blobPort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry"),
                Map.of(), home, logFile);
        Instant deadline = Instant.now().plus(readyTimeout);
        try {
            while (true) {
                process.requireAlive();
                Matcher matcher = LISTENING.matcher(read(logFile));
                if (matcher.find()) {
                    return new Azurite(process, Integer.parseInt(matcher.group(1)));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("Azurite did not listen within " + readyTimeout + " (log: " + logFile + ")");
                }
                Thread.sleep(100);
            }
        } catch (RuntimeException | TimeoutException | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    private static String read(Path logFile) {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    public String accountUrl() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /** The connection string of Azurite's development account. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint=" + accountUrl() + ";";
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
