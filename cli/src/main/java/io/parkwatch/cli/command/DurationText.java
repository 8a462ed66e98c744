package io.parkwatch.cli.command;

import io.parkwatch.contracts.duration.Durations;
import java.time.Duration;

/** A positive duration flag in the shared grammar of {@link Durations}; errors name the flag. */
final class DurationText {

    private DurationText() {
    }

    static Duration parse(String text, String flag) {
        try {
            return Durations.parsePositive(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }
}
