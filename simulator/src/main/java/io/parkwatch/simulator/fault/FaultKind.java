package io.parkwatch.simulator.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the simulator does wrong on purpose, and the events it injects. Point faults pick a share
 * of points; message faults a share of the messages they apply to; events a share of their
 * chances (a stack-hour, a detector reading, a vehicle report).
 */
public enum FaultKind {
    /** A reporting point that never publishes (per point). */
    SILENT(Scope.POINT),
    /** A device clock running ahead or behind by 30 s to 3 min (per point); within the gateway's tolerance. */
    SKEW(Scope.POINT),
    /** A meter glitch: a JSON value ten times too high (not on metrics that alert rules judge). */
    SPIKE(Scope.MESSAGE),
    /** A payload the gateway cannot read: truncated JSON, HJ 212 without {@code ##}, JT/T 808 without its flag. */
    MALFORMED(Scope.MESSAGE),
    /** HJ 212 CRC or JT/T 808 check code wrong (binary formats only). */
    BAD_CRC(Scope.MESSAGE),
    /** The same message published twice. */
    DUPLICATE(Scope.MESSAGE),
    /** Sent after the point's next message. */
    OUT_OF_ORDER(Scope.MESSAGE),
    /** Sent 1 to 5 minutes (divided by the speed-up) after its time. */
    LATE(Scope.MESSAGE),
    /** A vehicle loses coverage for 3 to 8 reports, then re-sends them as one 0x0704 batch. */
    COVERAGE_LOSS(Scope.EVENT),
    /** A stack's SO2 over the ultra-low limit for a whole clock hour (per stack-hour). */
    EXCEEDANCE(Scope.EVENT),
    /** A combustible-gas leak on a detector: a few readings over 25 and 50 %LEL (per reading). */
    LEAK(Scope.EVENT);

    /** What a ratio of the kind is a share of. */
    public enum Scope { POINT, MESSAGE, EVENT }

    private final Scope scope;

    FaultKind(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    /** The name in a fault spec and in the ground truth: {@code bad-crc}, {@code out-of-order}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<FaultKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
