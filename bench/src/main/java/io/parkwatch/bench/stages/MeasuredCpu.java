package io.parkwatch.bench.stages;

import io.parkwatch.bench.CpuClock;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU a measured interval used: in all (this JVM and the broker process), by one
 * application's threads, by each group of this JVM's threads and the broker process, and the
 * JIT's and the GC's time.
 *
 * @param totalNanos       this JVM and the broker process
 * @param applicationNanos of it, the threads whose names carry the application id
 * @param byGroupNanos     of it, by group of threads (see {@link ThreadCpu#byGroupSince}) and the broker process
 * @param jitMillis        time the JIT compilers spent (elapsed, summed over compiler threads)
 * @param gcMillis         time the garbage collectors spent
 */
record MeasuredCpu(long totalNanos, long applicationNanos, Map<String, Long> byGroupNanos, long jitMillis,
                   long gcMillis) {

    static final String BROKER_PROCESS = "(MQTT broker process)";

    /** Starts measuring; {@link Start#stop()} ends the interval. */
    static Start start(CpuClock clock, String application) {
        return new Start(clock, new ThreadCpu(application));
    }

    /** What was read at the start of the interval. */
    static final class Start {

        private final CpuClock clock;
        private final ThreadCpu application;
        private final long total;
        private final long applicationNanos;
        private final Map<Long, ThreadCpu.Sample> threads;
        private final long broker;
        private final long jit;
        private final long gc;

        private Start(CpuClock clock, ThreadCpu application) {
            this.clock = clock;
            this.application = application;
            this.total = clock.now();
            this.applicationNanos = application.now();
            this.threads = ThreadCpu.all();
            this.broker = clock.broker();
            this.jit = ThreadCpu.jitMillis();
            this.gc = ThreadCpu.gcMillis();
        }

        MeasuredCpu stop() {
            Map<String, Long> groups = new HashMap<>(ThreadCpu.byGroupSince(threads));
            groups.put(BROKER_PROCESS, clock.broker() - broker);
            return new MeasuredCpu(clock.now() - total, application.now() - applicationNanos, Map.copyOf(groups),
                ThreadCpu.jitMillis() - jit, ThreadCpu.gcMillis() - gc);
        }
    }
}
