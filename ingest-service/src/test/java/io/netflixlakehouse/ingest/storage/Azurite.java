package io.netflixlakehouse.ingest.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Azurite blob service for a test class: {@code node} runs the Azurite that the build
 * installed in {@code build-support/azurite} (system property {@code azurite.home}), in memory, on a
 * free port. Stopped after the class whatever its outcome, and by a shutdown hook if the JVM dies first.
 */
public final class Azurite implements BeforeAllCallback, AfterAllCallback {

    public static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's well-known development key (public, documented by Microsoft). */
    public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Pattern LISTENING = Pattern.compile("successfully listens on http://127\\.0\\.0\\.1:(\\d+)");

    private Process process;
    private Thread shutdownHook;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public int port() {
        return port;
    }

    public String accountUrl() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    public String connectionString() {
        return connectionString(KEY);
    }

    public String connectionString(String key) {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + key
                + ";BlobEndpoint=" + accountUrl() + ";";
    }

    public void start() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("azurite.home", "../build-support/azurite")).toAbsolutePath().normalize();
        Path main = home.resolve("node_modules/azurite/dist/src/blob/main.js");
        if (!Files.isRegularFile(main)) {
            throw new IllegalStateException("Azurite is not installed at " + main + ": run `npm ci` in " + home
                    + " (the Maven build does it when node_modules is missing)");
        }
        process = new ProcessBuilder(List.of("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry"))
                .redirectErrorStream(true)
                .start();
        shutdownHook = new Thread(this::kill, "azurite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    } else if (!listening.isDone()) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("Azurite exited: " + output));
        }, "azurite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            port = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Azurite did not start: " + output, e);
        }
    }

    public void stop() {
        kill();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs (or ran) anyway
            }
            shutdownHook = null;
        }
    }

    private void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
