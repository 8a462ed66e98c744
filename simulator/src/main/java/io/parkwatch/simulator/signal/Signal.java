package io.parkwatch.simulator.signal;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** A believable value of a metric at an instant. */
@FunctionalInterface
public interface Signal {

    double valueAt(Instant at, RandomGenerator random);
}
