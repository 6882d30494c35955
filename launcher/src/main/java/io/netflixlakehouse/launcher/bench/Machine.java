package io.netflixlakehouse.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a benchmark ran on, and how busy it was.
 *
 * @param cores processors available to the JVM
 * @param memoryBytes MemTotal of /proc/meminfo (0 when unknown)
 * @param javaVersion the launcher's Java (the services run the same one)
 * @param os name, version and architecture
 * @param loadAverage the 1-minute load average when read (-1 when unknown)
 */
public record Machine(int cores, long memoryBytes, String javaVersion, String os, double loadAverage) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                currentLoad());
    }

    public static double currentLoad() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // Not Linux: reported as 0.
        }
        return 0L;
    }
}
