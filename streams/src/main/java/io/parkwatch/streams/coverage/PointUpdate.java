package io.parkwatch.streams.coverage;

import io.parkwatch.streams.completeness.DayTally;
import java.time.Instant;

/**
 * What the point stage tells the park stage about one point: a newer last good reading, or a
 * completeness tally of one day (one of the two is set).
 */
public record PointUpdate(String pointKey, Instant lastGood, DayTally tally) {
}
