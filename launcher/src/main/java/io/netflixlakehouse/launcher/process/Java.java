package io.netflixlakehouse.launcher.process;

import java.nio.file.Path;

/** The java executable of the running JVM: every child JVM runs on the same Java as the launcher. */
public final class Java {

    private Java() {
    }

    public static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    public static Path executable() {
        return home().resolve("bin").resolve("java");
    }
}
