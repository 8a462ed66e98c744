package io.parkwatch.cli.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.transport.health.CheckResult;
import io.parkwatch.transport.health.HealthReport;
import io.parkwatch.transport.health.HealthStatus;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The demo's status line, from the meters the services keep: readings in (and in the last
 * interval), messages rejected, alerts open on the board, the sink's consumer lag, and readiness
 * with the checks that are down.
 */
final class DemoStatus {

    static final String READINGS = "parkwatch.ingest.readings.published";
    static final String REJECTED = "parkwatch.ingest.messages.rejected";
    static final String OPEN_ALERTS = "parkwatch.console.alerts.open";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MeterRegistry meters;
    private final LongSupplier lag;
    private final Supplier<HealthReport> ready;
    private final Clock clock;
    private final ZoneId zone;
    private long lastReadings;

    DemoStatus(MeterRegistry meters, LongSupplier lag, Supplier<HealthReport> ready, Clock clock, ZoneId zone) {
        this.meters = meters;
        this.lag = lag;
        this.ready = ready;
        this.clock = clock;
        this.zone = zone;
        this.lastReadings = readings();
    }

    /** One line; each call counts the readings since the previous one. */
    synchronized String line() {
        long readings = readings();
        long recent = readings - lastReadings;
        lastReadings = readings;
        long rejected = (long) meters.find(REJECTED).counters().stream().mapToDouble(Counter::count).sum();
        Gauge open = meters.find(OPEN_ALERTS).gauge();
        long behind = lag.getAsLong();
        HealthReport report = ready.get();
        String readiness = report.status() == HealthStatus.UP ? "ready" : "NOT READY: " + report.checks().stream()
            .filter(check -> check.status() == HealthStatus.DOWN).map(DemoStatus::describe)
            .collect(Collectors.joining("; "));
        return String.format("%s  readings in %,d (+%,d)  rejected %,d  open alerts %s  sink lag %s  %s",
            LocalTime.ofInstant(clock.instant(), zone).format(TIME), readings, recent, rejected,
            open == null ? "?" : String.valueOf((long) open.value()), behind < 0 ? "?" : String.format("%,d", behind),
            readiness);
    }

    private long readings() {
        Counter counter = meters.find(READINGS).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    private static String describe(CheckResult check) {
        return check.name() + " (" + check.detail() + ")";
    }
}
