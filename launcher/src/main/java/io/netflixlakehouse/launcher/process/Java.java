package io.netflixlakehouse.launcher.process;

import java.nio.file.Path;

/** The java executable of the running JVM: every child JVM runs on the same Java as the launcher. */
public final class Java {

    /**
     * The collector of the long-running child JVMs (broker, services): the parallel one. On a few cores the default
     * (G1) spends cores on concurrent marking and write barriers that a batch-shaped load does not need; with
     * small heaps its pauses stay short.
     */
    public static final String GC = "-XX:+UseParallelGC";

    private Java() {
    }

    public static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    public static Path executable() {
        return home().resolve("bin").resolve("java");
    }
}
