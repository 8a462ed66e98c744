package io.parkwatch.cli.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as people type them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601. */
final class DurationText {

    private DurationText() {
    }

    static Duration parse(String text, String flag) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration parsed;
            if (t.startsWith("p")) {
                parsed = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else {
                long amount = Long.parseLong(t.substring(0, t.length() - 1));
                parsed = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException(t);
                };
            }
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException(flag + " must be positive, got '" + text + "'");
            }
            return parsed;
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(flag + ": '" + text + "' is not a duration (e.g. 30s, 10m, 2h, PT10M)",
                e);
        }
    }
}
