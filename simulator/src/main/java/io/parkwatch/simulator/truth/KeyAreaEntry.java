package io.parkwatch.simulator.truth;

import java.time.Instant;

/** A vehicle entering its park's key area (the tank farm): the first report inside it. */
public record KeyAreaEntry(String park, String vehicle, String kind, Instant at, double latitude, double longitude) {
}
