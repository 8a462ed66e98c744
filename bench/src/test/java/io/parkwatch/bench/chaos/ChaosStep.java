package io.parkwatch.bench.chaos;

import java.util.Map;

/**
 * One kill of the run, done: what was killed, how, how long until it was back (ready line, or every
 * watched probe 200 again), and what the watched {@code /health/ready} probes did meanwhile.
 */
record ChaosStep(String target, String signal, double seconds, Map<String, ReadinessWatch.Seen> readiness) {

    /** Whether {@code service}'s probe answered 503 during the step and 200 after it. */
    boolean wentDownAndBack(String service) {
        ReadinessWatch.Seen seen = readiness.get(service);
        return seen != null && seen.down() && seen.upAgain();
    }
}
