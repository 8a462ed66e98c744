package io.parkwatch.bench.pipeline;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Warm-up rounds at the first rate until the pipeline is in its steady state, so that the steps
 * measure it rather than the JVM's start: every parkwatch process, the broker and the load
 * generators share this JVM, and on two cores its JIT compilers need minutes of the machine
 * (measured: both compiler threads busy for about 4.5 minutes at 10,000 readings/s) while the
 * code runs slower, profiled, until they are done. Steady means: in the last round the compilers
 * were busy less than {@link #SETTLED_SHARE} of the time, and every alert the round asked for
 * arrived within its drain (no backlog carried into the first step).
 */
final class SteadyWarmUp {

    static final double SETTLED_SHARE = 0.1;
    static final Duration ROUND = Duration.ofSeconds(20);
    static final int MAX_ROUNDS = 24;

    private final LongSupplier compileMillis;

    SteadyWarmUp(LongSupplier compileMillis) {
        this.compileMillis = compileMillis;
    }

    static SteadyWarmUp ofThisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("--warm-up steady needs the JVM's compilation time, which this JVM does "
                + "not report; give a duration instead");
        }
        return new SteadyWarmUp(jit::getTotalCompilationTime);
    }

    /** One round sent and drained. */
    interface Round {
        StepResult run() throws Exception;
    }

    /** What one round showed. */
    record Outcome(StepResult result, double compilingShare, boolean alertsCaughtUp) {

        boolean steady() {
            return compilingShare < SETTLED_SHARE && alertsCaughtUp;
        }
    }

    Outcome round(Round round) throws Exception {
        long compiled0 = compileMillis.getAsLong();
        long start = System.nanoTime();
        StepResult result = round.run();
        double elapsedMillis = Math.max(1, (System.nanoTime() - start) / 1e6);
        return outcome(result, (compileMillis.getAsLong() - compiled0) / elapsedMillis);
    }

    /**
     * {@code compilingShare} is the compilers' elapsed time over the round's (all compiler threads
     * summed, so up to their number).
     */
    static Outcome outcome(StepResult result, double compilingShare) {
        return new Outcome(result, compilingShare, result.alertLatency().count() >= result.alertsExpected());
    }
}
