package io.parkwatch.transport.health;

/** The state of one check, or of all of a probe's checks together. */
public enum HealthStatus {
    UP,
    DOWN
}
