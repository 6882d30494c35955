package io.netflixlakehouse.launcher.bench;

import io.netflixlakehouse.launcher.domain.CpuTimes;
import io.netflixlakehouse.launcher.domain.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Samples named process trees. Memory from {@code /proc/<pid>} (Linux), of each process seen in two samples or more:
 * per name, the peak of the tree's summed proportional set size ({@code smaps_rollup} Pss; VmRSS where that is not
 * readable) over the samples, and the sum of the VmHWM (the kernel-kept peak, which no sample can miss). A JVM
 * spawns short-lived children (Hadoop's {@code chmod}, {@code getconf}) through {@code posix_spawn}: until its
 * {@code exec} such a child runs in the JVM's own memory, so its Pss, VmRSS and VmHWM are the JVM's, counted again;
 * it is gone by the next sample. In total, the peak of everything's summed set size at one sample. CPU time from
 * {@link ProcessHandle.Info#totalCpuDuration()}: per name, the sum over its processes of the last value read (a
 * process that ends between two samples loses at most one sample interval).
 */
public final class ProcessSampler {

    /**
     * Peak memory of one named process tree (or of all of them, for the total).
     *
     * @param sampledPeakBytes highest summed set size (Pss) seen at one sample
     * @param highWaterBytes sum over its lasting processes of their VmHWM (an upper bound of the true peak)
     */
    public record Peak(long sampledPeakBytes, long highWaterBytes) {
    }

    private final Supplier<Map<String, List<ProcessHandle>>> trees;
    private final Map<String, Long> sampledPeak = new LinkedHashMap<>();
    private final Map<String, Map<Long, Long>> highWaterByPid = new LinkedHashMap<>();
    private final Map<String, Map<Long, Duration>> cpuByPid = new LinkedHashMap<>();
    private final Map<Long, Integer> samplesByPid = new HashMap<>();
    private long totalSampledPeak;

    /** @param trees every live process by name (a service and its children), read on every sample */
    public ProcessSampler(Supplier<Map<String, List<ProcessHandle>>> trees) {
        this.trees = trees;
    }

    public synchronized void sample() {
        long total = 0;
        for (Map.Entry<String, List<ProcessHandle>> tree : trees.get().entrySet()) {
            long sum = 0;
            Map<Long, Long> highWater = highWaterByPid.computeIfAbsent(tree.getKey(), name -> new HashMap<>());
            Map<Long, Duration> cpu = cpuByPid.computeIfAbsent(tree.getKey(), name -> new HashMap<>());
            for (ProcessHandle handle : tree.getValue()) {
                handle.info().totalCpuDuration().ifPresent(d -> cpu.merge(handle.pid(), d,
                        (a, b) -> a.compareTo(b) >= 0 ? a : b));
                Optional<ProcStatus> status = read(handle.pid());
                // a process counts from its second sample on (see the class comment)
                if (status.isPresent() && samplesByPid.merge(handle.pid(), 1, Integer::sum) >= 2) {
                    sum += proportional(handle.pid()).orElse(status.get().rssBytes());
                    highWater.merge(handle.pid(), status.get().peakRssBytes(), Math::max);
                }
            }
            sampledPeak.merge(tree.getKey(), sum, Math::max);
            total += sum;
        }
        totalSampledPeak = Math.max(totalSampledPeak, total);
    }

    /** Peak per name, in first-seen order. */
    public synchronized Map<String, Peak> peaks() {
        Map<String, Peak> peaks = new LinkedHashMap<>();
        sampledPeak.forEach((name, peak) -> peaks.put(name, new Peak(peak,
                highWaterByPid.getOrDefault(name, Map.of()).values().stream().mapToLong(Long::longValue).sum())));
        return peaks;
    }

    public synchronized Peak total() {
        long highWater = highWaterByPid.values().stream()
                .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        return new Peak(totalSampledPeak, highWater);
    }

    /** CPU time per name up to the last sample. */
    public synchronized CpuTimes cpu() {
        Map<String, Duration> byName = new LinkedHashMap<>();
        cpuByPid.forEach((name, pids) -> byName.put(name,
                pids.values().stream().reduce(Duration.ZERO, Duration::plus)));
        return new CpuTimes(byName);
    }

    static OptionalLong proportional(long pid) {
        try {
            return ProcStatus.proportionalBytes(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup")));
        } catch (IOException | RuntimeException unreadable) {
            // gone, an older kernel, or not Linux: the caller falls back to VmRSS
            return OptionalLong.empty();
        }
    }

    static Optional<ProcStatus> read(long pid) {
        try {
            return Optional.of(ProcStatus.parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
        } catch (IOException | RuntimeException gone) {
            // The process ended between listing and reading, or this is not Linux: nothing to add.
            return Optional.empty();
        }
    }
}
