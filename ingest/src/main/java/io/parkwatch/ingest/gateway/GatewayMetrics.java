package io.parkwatch.ingest.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parkwatch.contracts.rejection.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The gateway's counters: received, published, rejected per reason, and Kafka send latency. */
public final class GatewayMetrics {

    private final Counter received;
    private final Counter published;
    private final Counter ignored;
    private final Timer sendLatency;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);

    public GatewayMetrics(MeterRegistry registry) {
        this.received = registry.counter("parkwatch.ingest.messages.received");
        this.published = registry.counter("parkwatch.ingest.readings.published");
        this.ignored = registry.counter("parkwatch.ingest.messages.ignored");
        this.sendLatency = Timer.builder("parkwatch.ingest.kafka.send.latency")
            .publishPercentiles(0.5, 0.99).register(registry);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, registry.counter("parkwatch.ingest.messages.rejected", "reason", reason.name()));
        }
    }

    void received() {
        received.increment();
    }

    void ignored() {
        ignored.increment();
    }

    void published(int readings, long nanos) {
        published.increment(readings);
        sendLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    public double rejectedCount(RejectReason reason) {
        return rejected.get(reason).count();
    }

    public double publishedCount() {
        return published.count();
    }
}
