package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.Severity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which alerts a listing wants; empty optionals match everything.
 *
 * @param since only alerts changed at or after this instant
 * @param limit at most this many, the first ones in board order
 */
public record AlertFilter(Optional<String> park, Optional<String> enterprise, Optional<Severity> severity,
                          Set<AlertState> states, Optional<Instant> since, int limit) {

    public static final Set<AlertState> NOT_CLEARED = EnumSet.of(AlertState.OPEN, AlertState.ACKNOWLEDGED);

    public AlertFilter {
        states = Set.copyOf(states);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** Everything not yet cleared, up to {@code limit}. */
    public static AlertFilter active(int limit) {
        return new AlertFilter(Optional.empty(), Optional.empty(), Optional.empty(), NOT_CLEARED, Optional.empty(),
            limit);
    }

    public AlertFilter forEnterprise(String own) {
        return new AlertFilter(park, Optional.of(own), severity, states, since, limit);
    }

    public boolean matches(BoardAlert alert) {
        return park.map(p -> p.equals(alert.park())).orElse(true)
            && enterprise.map(e -> e.equals(alert.enterprise())).orElse(true)
            && severity.map(s -> s == alert.severity()).orElse(true)
            && states.contains(alert.state())
            && since.map(s -> !alert.updatedAt().isBefore(s)).orElse(true);
    }
}
