package io.parkwatch.bench.field;

import java.time.Duration;

/**
 * A field soak: how many terminals and loggers, for how long, each reporting every
 * {@code interval}, and whether the gateway is killed (SIGKILL) halfway and started again.
 */
public record FieldSoakSettings(int terminals, int loggers, Duration duration, Duration interval, boolean kill) {

    /** Terminal numbers are 12 digits with a fixed prefix, so at most this many. */
    static final int MAX_DEVICES = 100_000;

    public FieldSoakSettings {
        if (terminals < 0 || terminals > MAX_DEVICES) {
            throw new IllegalArgumentException("--terminals must be 0.." + MAX_DEVICES + ": " + terminals);
        }
        if (loggers < 0 || loggers > MAX_DEVICES) {
            throw new IllegalArgumentException("--loggers must be 0.." + MAX_DEVICES + ": " + loggers);
        }
        if (terminals + loggers == 0) {
            throw new IllegalArgumentException("--terminals and --loggers are both 0: nothing to soak");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive: " + duration);
        }
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException("--interval must be at least 100 ms: " + interval);
        }
    }
}
