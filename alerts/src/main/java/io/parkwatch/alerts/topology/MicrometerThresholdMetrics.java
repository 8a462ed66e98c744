package io.parkwatch.alerts.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.contracts.alert.AlertEventType;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Threshold counters on the process's Micrometer registry (scraped from {@code /metrics}). */
public final class MicrometerThresholdMetrics implements ThresholdMetrics {

    private final MeterRegistry meters;
    /** Events come per alert step: looked up once per (type, rule), not built from tags each time. */
    private final Map<String, Counter> events = new ConcurrentHashMap<>();

    public MicrometerThresholdMetrics(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters is required");
    }

    @Override
    public void lateReading(String ruleId) {
        meters.counter("parkwatch.alerts.late.readings", "rule", ruleId).increment();
    }

    @Override
    public void unconverted(String ruleId) {
        meters.counter("parkwatch.alerts.unconverted.readings", "rule", ruleId).increment();
    }

    @Override
    public void outOfOrder(String ruleId) {
        meters.counter("parkwatch.alerts.out.of.order.readings", "rule", ruleId).increment();
    }

    @Override
    public void ignoredCommand() {
        meters.counter("parkwatch.alerts.ignored.commands").increment();
    }

    @Override
    public void badRulePack(String pack) {
        meters.counter("parkwatch.alerts.bad.rule.packs", "pack", pack).increment();
    }

    @Override
    public void event(AlertEventType type, String ruleId) {
        events.computeIfAbsent(type.name() + '|' + ruleId,
            key -> meters.counter("parkwatch.alerts.events", "type", type.name(), "rule", ruleId)).increment();
    }
}
