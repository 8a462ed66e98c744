package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.reading.Position;
import java.time.Instant;
import java.util.Objects;

/**
 * One decoded location report body (0x0200, or one item of a 0x0704 batch).
 *
 * @param position   latitude and longitude signed by status bits 2 (south) and 3 (west); the
 *                   alarm and status words as sent
 * @param observedAt the report's BCD time, read as UTC+8
 * @param mileageKm  additional item 0x01 in km, or null when the terminal did not send it
 */
public record Jt808LocationReport(Position position, Instant observedAt, Double mileageKm) {

    /** Status bit 1: the terminal had a satellite fix when it took this position. */
    public static final long STATUS_POSITIONED = 1L << 1;
    /** Status bit 2: the latitude is south. */
    public static final long STATUS_SOUTH = 1L << 2;
    /** Status bit 3: the longitude is west. */
    public static final long STATUS_WEST = 1L << 3;

    public Jt808LocationReport {
        Objects.requireNonNull(position, "position is required");
        Objects.requireNonNull(observedAt, "observedAt is required");
    }

    public boolean positioned() {
        return (position.statusBits() & STATUS_POSITIONED) != 0;
    }
}
