package io.netflixlakehouse.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process whose standard output and error go to one log file. {@link #stop} ends it and every process it
 * started (a wrapper script's JVM too): SIGTERM first, then a kill after the grace period.
 */
public final class ManagedProcess implements AutoCloseable {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Process process;

    private ManagedProcess(String name, List<String> command, Path logFile, Process process) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code env} added to this process' environment; output is
     * appended to {@code logFile}.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            return new ManagedProcess(name, command, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public List<String> command() {
        return command;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process and every descendant still running. */
    public List<ProcessHandle> liveHandles() {
        List<ProcessHandle> handles = new ArrayList<>();
        process.toHandle().descendants().filter(ProcessHandle::isAlive).forEach(handles::add);
        if (process.isAlive()) {
            handles.add(process.toHandle());
        }
        return handles;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int waitFor(Duration timeout) throws TimeoutException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(name + " did not end within " + timeout);
        }
        return process.exitValue();
    }

    /** Throws with the tail of the log when the process has ended. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new ProcessExitedException(name, name + " exited with code " + process.exitValue()
                    + " (log: " + logFile + ")\n" + tail(40));
        }
    }

    /**
     * Polls {@code url} until it answers 200, failing early when the process ends.
     *
     * @throws TimeoutException when the deadline passes first
     */
    public void awaitHttpOk(URI url, Instant deadline) throws TimeoutException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            requireAlive();
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The port opens when the application has started: keep polling.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException(name + " was not ready at " + url + " before the deadline (log: "
                        + logFile + ")\n" + tail(40));
            }
            Thread.sleep(250);
        }
    }

    /**
     * Ends the process tree: SIGTERM to the process and its descendants, a wait of up to {@code grace}, then a
     * kill of whatever is left. Returns at once if nothing runs.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> handles = liveHandles();
        if (handles.isEmpty()) {
            return;
        }
        // Descendants first: a wrapper script may not forward the signal to the JVM it started.
        handles.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : handles) {
            long left = Math.max(0L, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // Still running after the grace period: killed below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ProcessHandle handle : handles) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The kernel reaps a killed process promptly; nothing more can be done from here.
            }
        }
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /** The last {@code lines} lines of the log (at most the last 64 KiB are read). */
    public String tail(int lines) {
        return tail(logFile, lines);
    }

    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            int end = all.length > 0 && all[all.length - 1].isEmpty() ? all.length - 1 : all.length;
            int start = Math.max(0, end - lines);
            return String.join("\n", Arrays.asList(all).subList(start, end));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
