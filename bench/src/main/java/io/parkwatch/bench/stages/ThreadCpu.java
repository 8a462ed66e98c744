package io.parkwatch.bench.stages;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the live threads of this JVM whose name contains a fragment: Kafka Streams names
 * its stream, global and client threads after the application id, so one application's share
 * of a benchmark JVM that also runs the broker, the gateway and the publishers can be told apart.
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String fragment;

    ThreadCpu(String fragment) {
        this.fragment = fragment;
    }

    /** CPU nanoseconds used so far by the matching live threads; 0 where the JVM cannot tell. */
    long now() {
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(fragment)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** One live thread's name and CPU nanoseconds so far. */
    record Sample(String name, long cpuNanos) {
    }

    /** Every live thread's CPU so far, by thread id; empty where the JVM cannot tell. */
    static Map<Long, Sample> all() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Sample> samples = new HashMap<>();
        if (threads.isThreadCpuTimeSupported()) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    samples.put(info.getThreadId(), new Sample(info.getThreadName(),
                        Math.max(0, threads.getThreadCpuTime(info.getThreadId()))));
                }
            }
        }
        return samples;
    }

    /**
     * CPU nanoseconds used since {@code before} by each group of threads: a group is a thread
     * name with its numbers and client ids folded ({@code data-plane-kafka-request-handler-#}),
     * so that a pool counts as one. The JIT compilers, the GC and threads that ended meanwhile are
     * not among these threads (see {@link #jitMillis()}, {@link #gcMillis()}).
     */
    static Map<String, Long> byGroupSince(Map<Long, Sample> before) {
        Map<String, Long> groups = new HashMap<>();
        all().forEach((id, now) -> {
            Sample then = before.get(id);
            long used = now.cpuNanos() - (then == null ? 0 : then.cpuNanos());
            groups.merge(group(now.name()), used, Long::sum);
        });
        return groups;
    }

    /** Milliseconds the JIT compilers have spent so far (the JVM's approximate, summed over compiler threads). */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Milliseconds the garbage collectors have spent so far. */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    static String group(String threadName) {
        return threadName.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "*")
            .replaceAll("[0-9]+", "#");
    }
}
