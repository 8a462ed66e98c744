package io.parkwatch.simulator.mqtt;

/** What the simulator did so far. */
public record SimulatorStats(long sent, long acknowledged, long failed) {
}
