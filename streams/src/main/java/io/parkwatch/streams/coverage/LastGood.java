package io.parkwatch.streams.coverage;

import java.time.Instant;

/**
 * The point stage's state of one point: its last good reading and the value last sent to the
 * park stage, so that a steady point is sent once per cadence instead of once per reading.
 */
public record LastGood(String park, Instant at, Instant sent) {

    public boolean unsent() {
        return sent == null || at.isAfter(sent);
    }
}
