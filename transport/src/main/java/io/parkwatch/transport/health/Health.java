package io.parkwatch.transport.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The checks of one process, as two probes: <b>live</b> (the process is not wedged; a failing
 * one asks to be restarted) and <b>ready</b> (every dependency it needs works; a failing one asks
 * for attention, or for traffic to go elsewhere). Each check is also the gauge
 * {@value #GAUGE}{@code {check="…"}}, 1 when up and 0 when down. Ready stays DOWN, with the check
 * {@value #STARTUP}, until {@link #started()}: a service half way through its start is not ready.
 */
public final class Health {

    public static final String GAUGE = "parkwatch.health.check";
    public static final String STARTUP = "startup";
    public static final String DEADLOCKS = "jvm.deadlocks";

    private final MeterRegistry meters;
    private final List<HealthCheck> live = new CopyOnWriteArrayList<>();
    private final List<HealthCheck> ready = new CopyOnWriteArrayList<>();
    private volatile boolean started;

    public Health(MeterRegistry meters) {
        this.meters = meters;
        addLive(HealthCheck.of(DEADLOCKS, Health::deadlocks));
        addReady(HealthCheck.of(STARTUP, () -> started ? HealthCheck.Verdict.up("started")
            : HealthCheck.Verdict.down("starting")));
    }

    /** Adds a check to the live probe (and a gauge for it). */
    public Health addLive(HealthCheck check) {
        live.add(check);
        gauge(check);
        return this;
    }

    /** Adds a check to the ready probe (and a gauge for it). */
    public Health addReady(HealthCheck check) {
        ready.add(check);
        gauge(check);
        return this;
    }

    /** Every service of this process has started: ready now depends on the other checks alone. */
    public void started() {
        started = true;
    }

    public HealthReport live() {
        return evaluate(live);
    }

    public HealthReport ready() {
        return evaluate(ready);
    }

    static HealthReport evaluate(List<HealthCheck> checks) {
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (HealthCheck check : checks) {
            HealthCheck.Verdict verdict = verdict(check);
            results.add(new CheckResult(check.name(), verdict.up() ? HealthStatus.UP : HealthStatus.DOWN,
                verdict.detail()));
        }
        return HealthReport.of(results);
    }

    /** A check that throws is down, with what it threw: a probe never fails for a check's bug. */
    private static HealthCheck.Verdict verdict(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return HealthCheck.Verdict.down("check failed: " + e);
        }
    }

    private void gauge(HealthCheck check) {
        Gauge.builder(GAUGE, check, c -> verdict(c).up() ? 1 : 0).tag("check", check.name())
            .description("1 when the health check is up, 0 when down").register(meters);
    }

    /** Threads blocked on each other's locks for good: the one state a process cannot leave by itself. */
    private static HealthCheck.Verdict deadlocks() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] stuck = threads.findDeadlockedThreads();
        if (stuck == null) {
            return HealthCheck.Verdict.up("no deadlocked threads");
        }
        List<String> names = new ArrayList<>();
        for (var info : threads.getThreadInfo(stuck)) {
            if (info != null) {
                names.add(info.getThreadName());
            }
        }
        return HealthCheck.Verdict.down("deadlocked threads: " + String.join(", ", names));
    }
}
