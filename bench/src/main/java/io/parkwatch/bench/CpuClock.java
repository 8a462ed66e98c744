package io.parkwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time used by this JVM and, where there is one, the broker's child process. On a machine
 * shared with other work, CPU time per reading stays meaningful when wall-clock rates do not.
 */
public final class CpuClock {

    /** Linux's USER_HZ: /proc reports process times in these ticks on every common platform. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final OptionalLong brokerPid;

    CpuClock(OptionalLong brokerPid) {
        this.brokerPid = brokerPid;
    }

    /** CPU nanoseconds used so far by this JVM plus the broker process. */
    public long now() {
        return jvm() + broker();
    }

    /** CPU nanoseconds used so far by the broker process alone; 0 when the broker runs in this JVM. */
    public long broker() {
        return brokerPid.stream().map(CpuClock::child).sum();
    }

    private static long jvm() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat, counted after the command name). */
    private static long child(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
