package io.parkwatch.cli.bench.stages;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

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
}
