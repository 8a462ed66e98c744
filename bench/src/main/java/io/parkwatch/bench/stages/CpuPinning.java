package io.parkwatch.bench.stages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins processes to CPUs with util-linux's {@code taskset} (every thread, {@code -a}), so that a
 * benchmark on one machine can model a deployment where InfluxDB runs on its own host: its CPU is
 * then not taken by the writer's JVM, and the writer's is not taken by influxd. Threads started
 * later inherit the pinning of the thread that starts them.
 */
final class CpuPinning {

    private CpuPinning() {
    }

    /** The description of the split, or a failure naming what is missing. */
    static String separate(ProcessHandle influxd, ProcessHandle jvm) throws IOException, InterruptedException {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2) {
            throw new IllegalStateException("--separate-cores needs at least 2 CPUs; this JVM sees " + cpus);
        }
        int last = cpus - 1;
        pin(influxd.pid(), String.valueOf(last));
        pin(jvm.pid(), last == 1 ? "0" : "0-" + (last - 1));
        return "influxd on CPU " + last + ", this JVM (Kafka, sink, raw writer) on CPU " + (last == 1 ? "0" : "0-"
            + (last - 1));
    }

    private static void pin(long pid, String cpus) throws IOException, InterruptedException {
        List<String> command = List.of("taskset", "-a", "-p", "-c", cpus, String.valueOf(pid));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run taskset (util-linux) to pin pid " + pid + ": " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
