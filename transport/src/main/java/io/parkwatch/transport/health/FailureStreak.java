package io.parkwatch.transport.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether calls on a dependency (Kafka sends, InfluxDB writes) are failing, and since when: a
 * streak starts at the first failure and ends at the next success. Made for hot paths: a success
 * outside a streak is one volatile read.
 */
public final class FailureStreak {

    private final Clock clock;
    private volatile Instant failingSince;
    private volatile String lastError = "";
    private volatile Instant lastSuccess;

    public FailureStreak(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    public void failed(Throwable error) {
        lastError = String.valueOf(error);
        if (failingSince == null) {
            failingSince = clock.instant();
        }
    }

    public void succeeded() {
        if (failingSince != null || lastSuccess == null) {
            failingSince = null;
            lastSuccess = clock.instant();
        }
    }

    /**
     * A check named {@code name}: DOWN once a streak has lasted {@code bound} (zero: at the first
     * failure), UP otherwise; {@code what} names the dependency in the detail.
     */
    public HealthCheck check(String name, String what, Duration bound) {
        return HealthCheck.of(name, () -> {
            Instant since = failingSince;
            if (since == null) {
                return HealthCheck.Verdict.up(lastSuccess == null ? what + ": no call yet"
                    : what + ": no failure since the last success");
            }
            Duration failing = Duration.between(since, clock.instant());
            String detail = what + " failing for " + failing.toSeconds() + " s: " + lastError;
            return failing.compareTo(bound) >= 0 ? HealthCheck.Verdict.down(detail) : HealthCheck.Verdict.up(detail);
        });
    }
}
