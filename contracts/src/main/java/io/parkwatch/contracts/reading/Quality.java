package io.parkwatch.contracts.reading;

/**
 * Data flags of HJ 212-2017; N (normal) when a source gives none. Only normal data makes a
 * point live or counts as valid in an aggregate.
 */
public enum Quality {
    /** Normal. */
    N,
    /** Instrument stopped. */
    F,
    /** Maintenance. */
    M,
    /** Manual value. */
    S,
    /** Instrument fault. */
    D,
    /** Calibrating. */
    C,
    /** Over range. */
    T,
    /** Communication fault. */
    B;

    public boolean isGood() {
        return this == N;
    }
}
