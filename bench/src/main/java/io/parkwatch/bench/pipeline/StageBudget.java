package io.parkwatch.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a step's CPU goes, by stage: the CPU time of every thread of this JVM over the step's
 * sending time ({@link ThreadMXBean}), summed by {@link ThreadStage} rules, plus the broker's and
 * influxd's child processes ({@link ProcessStats}). The JVM's own threads that are not Java
 * threads (JIT compilers, the GC and VM threads) are invisible per thread: they are the
 * remainder of the process's CPU time minus the sum of its Java threads.
 *
 * <p>A thread started during the window counts from 0, which is exact; a thread that ended
 * during it is missed by its stage, its time lands in the remainder. Names are read at the end
 * of the window, since Paho renames its threads once connected.
 */
final class StageBudget {

    static final String JVM_INTERNALS = "JVM internals (JIT, GC)";
    static final String TOTAL = "total";
    /** The broker's, the bench's own and the unknown threads: printed after the product's stages and the servers. */
    private static final Set<String> TAIL = Set.of(ThreadStage.BROKER, ThreadStage.LOAD, ThreadStage.INSTRUMENTS,
        ThreadStage.OTHER);
    private static final int UNCLASSIFIED_SHOWN = 3;

    /**
     * One stage over a step: cores busy on average during the sending time and CPU µs per reading
     * the step sustained end to end; {@code microsPerReading} is null when the step sustained none.
     */
    record Row(String stage, double cores, Double microsPerReading) {
    }

    /** The counters at the start of a window. */
    record Mark(long nanos, long processCpuNanos, Map<Long, Long> threadCpuNanos,
                Map<String, ProcessStats.Sample> children) {
    }

    /** Cores by stage over a window, in print order, and the busiest threads no rule knew. */
    record Cores(Map<String, Double> byStage, List<String> unclassified) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<ThreadStage> rules;
    private final ProcessStats children;

    /** {@code children}: the server processes of the run outside this JVM (mosquitto, influxd). */
    StageBudget(List<ThreadStage> rules, ProcessStats children) {
        this.rules = List.copyOf(rules);
        this.children = children;
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /**
     * Starts a window. The process's CPU is read before the threads' here and after them in
     * {@link #since}, so that the remainder (process − threads) cannot come out negative.
     */
    Mark mark() {
        long process = processCpuNanos();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return new Mark(System.nanoTime(), process, cpu, children.sample());
    }

    /** The window from {@code start} to now. */
    Cores since(Mark start) {
        Map<String, Long> nanosByStage = new HashMap<>();
        Map<String, Long> unknown = new HashMap<>();
        long javaThreads = 0;
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long nanos = threads.getThreadCpuTime(ids[i]);
            if (infos[i] == null || nanos < 0) {
                continue;
            }
            long used = nanos - start.threadCpuNanos().getOrDefault(ids[i], 0L);
            javaThreads += used;
            String stage = ThreadStage.classify(rules, infos[i].getThreadName());
            nanosByStage.merge(stage, used, Long::sum);
            if (ThreadStage.OTHER.equals(stage)) {
                unknown.merge(infos[i].getThreadName(), used, Long::sum);
            }
        }
        long process = processCpuNanos() - start.processCpuNanos();
        Map<String, ProcessStats.Usage> servers = ProcessStats.between(start.children(), children.sample());
        double seconds = Math.max(1e-9, (System.nanoTime() - start.nanos()) / 1e9);
        Map<String, Double> cores = new LinkedHashMap<>();
        rules.stream().map(ThreadStage::stage).filter(s -> !TAIL.contains(s))
            .forEach(s -> cores.put(s, nanosByStage.getOrDefault(s, 0L) / 1e9 / seconds));
        cores.put(ThreadStage.BROKER, nanosByStage.getOrDefault(ThreadStage.BROKER, 0L) / 1e9 / seconds);
        servers.forEach((name, usage) -> cores.put(name, usage.cores()));
        cores.put(JVM_INTERNALS, (process - javaThreads) / 1e9 / seconds);
        for (String stage : List.of(ThreadStage.LOAD, ThreadStage.INSTRUMENTS, ThreadStage.OTHER)) {
            cores.put(stage, nanosByStage.getOrDefault(stage, 0L) / 1e9 / seconds);
        }
        List<String> busiest = unknown.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue()
                .reversed()).limit(UNCLASSIFIED_SHOWN)
            .map(e -> String.format(Locale.ROOT, "\"%s\" %.3f cores", e.getKey(), e.getValue() / 1e9 / seconds))
            .toList();
        return new Cores(cores, busiest);
    }

    /**
     * The rows of a step, with their total: µs per reading = cores × 10⁶ ÷ readings/s sustained
     * (a core busy for a second is 10⁶ µs of CPU).
     */
    static List<Row> perReading(Map<String, Double> cores, double sustained) {
        List<Row> rows = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> stage : cores.entrySet()) {
            rows.add(row(stage.getKey(), stage.getValue(), sustained));
            total += stage.getValue();
        }
        rows.add(row(TOTAL, total, sustained));
        return rows;
    }

    private static Row row(String stage, double cores, double sustained) {
        return new Row(stage, cores, sustained > 0 ? cores * 1e6 / sustained : null);
    }

    /** The rows as a compact table, each line starting with {@code indent}. */
    static String table(List<Row> rows, String indent) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s%-26s %6s %11s%n", indent,
            "CPU by stage (sending)", "cores", "µs/reading"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%s%-26s %6.3f %11s%n", indent, row.stage(), row.cores(),
                row.microsPerReading() == null ? "-" : String.format(Locale.ROOT, "%.1f", row.microsPerReading())));
        }
        return out.toString();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
