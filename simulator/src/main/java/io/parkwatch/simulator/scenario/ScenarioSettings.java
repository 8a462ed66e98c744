package io.parkwatch.simulator.scenario;

import io.parkwatch.simulator.fault.FaultSpec;
import java.time.Instant;

/**
 * What a simulation plays with.
 *
 * @param seed    drives every value, fault and event: the same seed, start and speed-up give the same payloads
 * @param start   the first instant of the simulation's timeline
 * @param speedUp points report this many times more often than their registered intervals
 */
public record ScenarioSettings(long seed, Instant start, double speedUp, FaultSpec faults) {

    public ScenarioSettings {
        if (!(speedUp > 0) || Double.isInfinite(speedUp)) {
            throw new IllegalArgumentException("speed-up must be a positive number: " + speedUp);
        }
    }
}
