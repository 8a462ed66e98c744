package io.parkwatch.simulator.truth;

/** A point whose device clock is off: its payload times are {@code offsetSeconds} from the true time. */
public record SkewedPoint(String park, String enterprise, String point, long offsetSeconds) {
}
