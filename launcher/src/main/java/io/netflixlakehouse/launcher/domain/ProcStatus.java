package io.netflixlakehouse.launcher.domain;

import java.util.OptionalLong;

/**
 * The memory lines of a Linux {@code /proc/<pid>/status}: resident set size now ({@code VmRSS}) and its peak
 * ({@code VmHWM}, the high-water mark), both in bytes.
 *
 * @param rssBytes resident now
 * @param peakRssBytes the process' peak resident set so far
 */
public record ProcStatus(long rssBytes, long peakRssBytes) {

    /** Parses the file's text; empty values when a line is missing (a kernel thread, a zombie). */
    public static ProcStatus parse(String status) {
        long rss = kiloBytes(status, "VmRSS:").orElse(0L);
        long hwm = kiloBytes(status, "VmHWM:").orElse(rss);
        return new ProcStatus(rss * 1024L, Math.max(hwm, rss) * 1024L);
    }

    /**
     * The proportional set size ({@code Pss:}) of a {@code /proc/<pid>/smaps_rollup}, in bytes: resident pages with
     * each shared page split among its sharers. A child the JVM spawns (Hadoop runs {@code chmod} and
     * {@code readlink} on a local file system) shares the JVM's pages for a moment; its VmRSS would count them twice.
     */
    public static OptionalLong proportionalBytes(String smapsRollup) {
        OptionalLong kiloBytes = kiloBytes(smapsRollup, "Pss:");
        return kiloBytes.isPresent() ? OptionalLong.of(kiloBytes.getAsLong() * 1024L) : OptionalLong.empty();
    }

    private static OptionalLong kiloBytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                String value = line.substring(field.length()).trim();
                int space = value.indexOf(' ');
                try {
                    return OptionalLong.of(Long.parseLong(space < 0 ? value : value.substring(0, space)));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
