package io.parkwatch.transport.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureStreakTest {

    private final StepClock clock = new StepClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final FailureStreak streak = new FailureStreak(clock);
    private final HealthCheck check = streak.check("kafka.producer", "Kafka sends", Duration.ofSeconds(30));

    @Test
    void upBeforeAnyCallAndAfterSuccesses() {
        assertThat(check.check().up()).isTrue();
        streak.succeeded();
        assertThat(check.check()).isEqualTo(HealthCheck.Verdict.up("Kafka sends: no failure since the last success"));
    }

    @Test
    void aFailureStaysUpInsideTheBoundAndGoesDownOnceTheStreakHasLastedIt() {
        streak.failed(new IOException("broker down"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(check.check().up()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        streak.failed(new IOException("still down"));

        assertThat(check.check()).isEqualTo(
            HealthCheck.Verdict.down("Kafka sends failing for 30 s: java.io.IOException: still down"));
    }

    @Test
    void oneSuccessEndsTheStreak() {
        streak.failed(new IOException("broker down"));
        clock.advance(Duration.ofMinutes(5));
        streak.succeeded();
        assertThat(check.check().up()).isTrue();

        streak.failed(new IOException("again"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(check.check().up()).as("a new streak counts from its own first failure").isTrue();
    }

    @Test
    void aZeroBoundIsDownAtTheFirstFailure() {
        HealthCheck strict = streak.check("influxdb.writes", "InfluxDB writes", Duration.ZERO);
        streak.failed(new IOException("refused"));
        assertThat(strict.check().up()).isFalse();
    }

    private static final class StepClock extends Clock {

        private Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
