package io.parkwatch.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and peak resident memory of the processes of a run, read from Linux's
 * {@code /proc/<pid>/stat} (utime + stime, in clock ticks of 1/100 s) and
 * {@code /proc/<pid>/status} ({@code VmHWM}, the peak resident set since the process started).
 */
final class ProcessStats {

    /** The kernel's USER_HZ on Linux (sysconf(_SC_CLK_TCK)), 100 on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100;

    /** One process at one instant. */
    record Sample(long nanos, double cpuSeconds, long peakRssKib) {
    }

    /** Between two samples: cores busy on average (1.0 = one core) and the peak resident set at the end. */
    record Usage(double cores, double peakRssMib) {
    }

    private final Map<String, Long> pids;

    ProcessStats(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    Map<String, Sample> sample() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        pids.forEach((name, pid) -> samples.put(name, read(pid)));
        return samples;
    }

    static Map<String, Usage> between(Map<String, Sample> before, Map<String, Sample> after) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        after.forEach((name, end) -> {
            Sample start = before.get(name);
            double seconds = (end.nanos() - start.nanos()) / 1e9;
            usage.put(name, new Usage((end.cpuSeconds() - start.cpuSeconds()) / Math.max(1e-9, seconds),
                end.peakRssKib() / 1024.0));
        });
        return usage;
    }

    private static Sample read(long pid) {
        long now = System.nanoTime();
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new Sample(now, cpu, hwm);
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: no figure rather than a failed run.
            return new Sample(now, 0, 0);
        }
    }
}
