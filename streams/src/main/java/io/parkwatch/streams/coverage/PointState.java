package io.parkwatch.streams.coverage;

import java.time.Instant;

/**
 * The park stage's state of one registered point.
 *
 * @param lastGood   the last good reading's time, null if none was ever seen
 * @param firstKnown when this stage first saw the point in the registry: a point that never
 *                   reported is silent from then on, not from the epoch
 * @param gapSince   start of the open data gap, null when none is open
 * @param acknowledged whether an operator acknowledged the open data gap
 */
public record PointState(Instant lastGood, Instant firstKnown, Instant gapSince, boolean acknowledged) {

    PointState withLastGood(Instant at) {
        return lastGood != null && !at.isAfter(lastGood) ? this
            : new PointState(at, firstKnown, gapSince, acknowledged);
    }

    /** Opens or closes the gap; either way it is no longer acknowledged. */
    PointState withGap(Instant since) {
        return new PointState(lastGood, firstKnown, since, false);
    }

    PointState withAcknowledged() {
        return new PointState(lastGood, firstKnown, gapSince, true);
    }

    /** The instant silence is counted from. */
    Instant silentSince() {
        return lastGood != null ? lastGood : firstKnown;
    }
}
