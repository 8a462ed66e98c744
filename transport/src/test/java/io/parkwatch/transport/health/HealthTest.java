package io.parkwatch.transport.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Health health = new Health(meters);
    private final AtomicBoolean subscribed = new AtomicBoolean(true);

    @Test
    void readyIsDownUntilTheServiceHasStartedEvenWithEveryOtherCheckUp() {
        health.addReady(HealthCheck.of("mqtt.subscription", () -> HealthCheck.Verdict.up("subscribed")));

        assertThat(health.ready().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(health.ready().checks()).contains(new CheckResult(Health.STARTUP, HealthStatus.DOWN, "starting"));
        health.started();
        assertThat(health.ready().status()).isEqualTo(HealthStatus.UP);
        assertThat(health.ready().httpStatus()).isEqualTo(200);
    }

    @Test
    void oneDownCheckMakesTheProbeDownAndNamesItselfWithItsDetail() {
        health.addReady(HealthCheck.of("mqtt.subscription", () -> subscribed.get()
            ? HealthCheck.Verdict.up("subscribed") : HealthCheck.Verdict.down("broker refused: 135")));
        health.addReady(HealthCheck.of("kafka.producer", () -> HealthCheck.Verdict.up("acknowledged")));
        health.started();
        subscribed.set(false);

        HealthReport ready = health.ready();

        assertThat(ready.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(ready.httpStatus()).isEqualTo(503);
        assertThat(ready.checks()).containsExactly(
            new CheckResult(Health.STARTUP, HealthStatus.UP, "started"),
            new CheckResult("mqtt.subscription", HealthStatus.DOWN, "broker refused: 135"),
            new CheckResult("kafka.producer", HealthStatus.UP, "acknowledged"));
        subscribed.set(true);
        assertThat(health.ready().status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void aCheckThatThrowsIsDownWithWhatItThrew() {
        health.addLive(HealthCheck.of("sink.thread", () -> {
            throw new IllegalStateException("boom");
        }));

        HealthReport live = health.live();

        assertThat(live.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(live.checks()).anySatisfy(check -> {
            assertThat(check.name()).isEqualTo("sink.thread");
            assertThat(check.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(check.detail()).contains("boom");
        });
    }

    @Test
    void liveHoldsTheDeadlockCheckFromTheStartAndItIsUpHere() {
        assertThat(health.live().status()).isEqualTo(HealthStatus.UP);
        assertThat(health.live().checks()).extracting(CheckResult::name).containsExactly(Health.DEADLOCKS);
    }

    @Test
    void everyCheckIsAGaugeOfOneWhenUpAndZeroWhenDown() {
        health.addReady(HealthCheck.of("mqtt.subscription", () -> subscribed.get()
            ? HealthCheck.Verdict.up("subscribed") : HealthCheck.Verdict.down("lost")));

        assertThat(gauge("mqtt.subscription")).isEqualTo(1.0);
        assertThat(gauge(Health.STARTUP)).isEqualTo(0.0);
        assertThat(gauge(Health.DEADLOCKS)).isEqualTo(1.0);
        subscribed.set(false);
        health.started();
        assertThat(gauge("mqtt.subscription")).isEqualTo(0.0);
        assertThat(gauge(Health.STARTUP)).isEqualTo(1.0);
    }

    @Test
    void writesTheReportAsJsonWithStatusThenEachCheck() {
        health.addReady(HealthCheck.of("mqtt.subscription", () -> HealthCheck.Verdict.down("lost \"quoted\"")));

        String json = new String(health.ready().toJson(), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"status\":\"DOWN\",\"checks\":["
            + "{\"name\":\"startup\",\"status\":\"DOWN\",\"detail\":\"starting\"},"
            + "{\"name\":\"mqtt.subscription\",\"status\":\"DOWN\",\"detail\":\"lost \\\"quoted\\\"\"}]}");
    }

    private double gauge(String check) {
        return meters.get(Health.GAUGE).tag("check", check).gauge().value();
    }
}
