package io.parkwatch.transport.health;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One thing a service needs to be live or ready: a name (stable; it is the Prometheus label) and
 * a verdict. A check is evaluated on every probe and every scrape of {@code /metrics}, so it
 * must answer quickly and never block on a dependency without a short timeout.
 */
public interface HealthCheck {

    String name();

    Verdict check();

    static HealthCheck of(String name, Supplier<Verdict> verdict) {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(verdict, "verdict is required");
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict check() {
                return verdict.get();
            }
        };
    }

    /** Up or down, and a detail a person can act on. */
    record Verdict(boolean up, String detail) {

        public Verdict {
            Objects.requireNonNull(detail, "detail is required");
        }

        public static Verdict up(String detail) {
            return new Verdict(true, detail);
        }

        public static Verdict down(String detail) {
            return new Verdict(false, detail);
        }
    }
}
