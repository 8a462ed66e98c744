package io.parkwatch.simulator.park;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.simulator.signal.Signal;

/** A registry point, the metric it reports, its unit and the signal that drives its values. */
public record SimulatedPoint(PointEntry entry, String metric, String unit, Signal signal) {
}
