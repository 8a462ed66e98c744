package io.parkwatch.streams.completeness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.Objects;

/**
 * Which reporting slots of one point's day had records, and which of them had a flagged
 * (not normal) record. A slot is one expected interval from the start of the day in the park's
 * zone; counting slots rather than records makes duplicates and multi-metric reports harmless.
 *
 * @param intervalMillis the slot length (the point's expected interval, at least one second)
 * @param dirty          changed since it was last sent on
 */
public record DayTally(String pointKey, String park, LocalDate day, long intervalMillis, long[] received,
                       long[] flagged, boolean dirty) {

    private static final long MIN_INTERVAL_MILLIS = 1000;

    public DayTally {
        Objects.requireNonNull(pointKey, "pointKey is required");
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(day, "day is required");
        intervalMillis = Math.max(MIN_INTERVAL_MILLIS, intervalMillis);
        received = received == null ? new long[0] : received;
        flagged = flagged == null ? new long[0] : flagged;
    }

    public static DayTally empty(String pointKey, String park, LocalDate day, Duration interval) {
        return new DayTally(pointKey, park, day, interval.toMillis(), null, null, false);
    }

    /** The store key: {@code point|day}. */
    public String key() {
        return key(pointKey, day);
    }

    public static String key(String pointKey, LocalDate day) {
        return pointKey + '|' + day;
    }

    /**
     * This tally with the record observed at {@code at} counted (a copy: records stay immutable),
     * or this very instance when the record changes nothing (its slot already counted, and
     * already flagged or itself normal).
     */
    public DayTally mark(Instant at, ZoneId zone, boolean normal) {
        long offset = at.toEpochMilli() - day.atStartOfDay(zone).toInstant().toEpochMilli();
        if (offset < 0) {
            return this;
        }
        int slot = (int) Math.min(Integer.MAX_VALUE - 1, offset / intervalMillis);
        // Checked on the words themselves: most records change nothing, and copying the bitmaps
        // for each of them would cost more than the rest of the point stage.
        if (isSet(received, slot) && (normal || isSet(flagged, slot))) {
            return this;
        }
        BitSet got = BitSet.valueOf(received);
        BitSet bad = BitSet.valueOf(flagged);
        got.set(slot);
        if (!normal) {
            bad.set(slot);
        }
        return new DayTally(pointKey, park, day, intervalMillis, got.toLongArray(), bad.toLongArray(), true);
    }

    private static boolean isSet(long[] words, int bit) {
        int word = bit >>> 6;
        return word < words.length && (words[word] & (1L << bit)) != 0;
    }

    public DayTally sent() {
        return new DayTally(pointKey, park, day, intervalMillis, received, flagged, false);
    }

    public BitSet receivedSlots() {
        return BitSet.valueOf(received);
    }

    /** Slots with records, none of them flagged. */
    public BitSet normalSlots() {
        BitSet normal = BitSet.valueOf(received);
        normal.andNot(BitSet.valueOf(flagged));
        return normal;
    }
}
