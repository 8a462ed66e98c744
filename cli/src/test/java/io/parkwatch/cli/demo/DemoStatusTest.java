package io.parkwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DemoStatusTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Health health = new Health(meters);
    private final AtomicInteger open = new AtomicInteger(2);
    private final AtomicBoolean influx = new AtomicBoolean(true);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:15:30Z"), ZoneOffset.UTC);

    @Test
    void readsReadingsRejectionsOpenAlertsLagAndReadinessFromTheMeters() {
        meters.counter(DemoStatus.READINGS).increment(1000);
        Gauge.builder(DemoStatus.OPEN_ALERTS, open, AtomicInteger::get).register(meters);
        health.addReady(HealthCheck.of("influxdb", () -> influx.get() ? HealthCheck.Verdict.up("answers")
            : HealthCheck.Verdict.down("unreachable")));
        health.started();
        DemoStatus status = new DemoStatus(meters, () -> 12, health::ready, clock, ZoneOffset.UTC);
        meters.counter(DemoStatus.READINGS).increment(20_500);
        meters.counter(DemoStatus.REJECTED, "reason", "MALFORMED_JSON").increment(3);
        meters.counter(DemoStatus.REJECTED, "reason", "HJ212_BAD_CRC").increment(1);

        assertThat(status.line())
            .isEqualTo("08:15  readings in 21,500 (+20,500)  rejected 4  open alerts 2  sink lag 12  ready");

        influx.set(false);
        meters.counter(DemoStatus.READINGS).increment(7);
        assertThat(status.line()).isEqualTo("08:15  readings in 21,507 (+7)  rejected 4  open alerts 2  sink lag 12  "
            + "NOT READY: influxdb (unreachable)");
    }

    @Test
    void unknownFiguresShowAsQuestionMarks() {
        DemoStatus status = new DemoStatus(meters, () -> -1, health::ready, clock, ZoneOffset.UTC);

        assertThat(status.line()).isEqualTo("08:15  readings in 0 (+0)  rejected 0  open alerts ?  sink lag ?  "
            + "NOT READY: startup (starting)");
    }
}
