package io.parkwatch.transport.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final RuntimeException FAILURE = new IllegalStateException("broker gone");

    @Test
    void replacesAFailedThreadUpToTheCapThenShutsTheApplicationDown() {
        ThreadReplacements replacements = new ThreadReplacements("app", 3, Duration.ofMinutes(10),
            Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(replacements.handle(FAILURE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(replacements.handle(FAILURE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(replacements.handle(FAILURE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(replacements.handle(FAILURE)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void replacementsOlderThanTheWindowNoLongerCount() {
        MovingClock clock = new MovingClock();
        ThreadReplacements replacements = new ThreadReplacements("app", 2, Duration.ofMinutes(10), clock);
        replacements.handle(FAILURE);
        replacements.handle(FAILURE);
        clock.now = T0.plus(Duration.ofMinutes(11));
        assertThat(replacements.handle(FAILURE)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    private static final class MovingClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
