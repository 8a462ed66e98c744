package io.parkwatch.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.transport.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KafkaReachabilityTest {

    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger asked = new AtomicInteger();
    private Instant now = Instant.parse("2026-12-08T00:00:00Z");
    private final KafkaReachability check = new KafkaReachability(new KafkaReachability.Cluster() {
        @Override
        public int nodes() throws TimeoutException {
            asked.incrementAndGet();
            if (!up.get()) {
                throw new TimeoutException("Timed out waiting for a node assignment");
            }
            return 3;
        }

        @Override
        public void close() {
        }
    }, new Clock() {
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
    });

    @Test
    void downWhileTheClusterDoesNotAnswerAndUpAgainOnceItDoes() {
        assertThat(check.check()).isEqualTo(HealthCheck.Verdict.up("the cluster answered (3 brokers)"));

        up.set(false);
        now = now.plus(KafkaReachability.FRESH_FOR);
        HealthCheck.Verdict down = check.check();
        assertThat(down.up()).isFalse();
        assertThat(down.detail()).isEqualTo("no answer from the cluster within 2 s: TimeoutException");

        up.set(true);
        now = now.plus(KafkaReachability.FRESH_FOR);
        assertThat(check.check().up()).isTrue();
    }

    @Test
    void probesWithinTheFreshPeriodReuseTheLastAnswer() {
        check.check();
        now = now.plus(KafkaReachability.FRESH_FOR.minus(Duration.ofMillis(1)));
        check.check();

        assertThat(asked).hasValue(1);
        assertThat(check.name()).isEqualTo("kafka.reachable");
    }
}
