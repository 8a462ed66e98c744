package io.parkwatch.ingest.hj212.tcp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listener's own meters. What becomes of each packet (published, refused by reason) is counted
 * by the gateway's chain with the same meters as MQTT messages.
 */
final class Hj212TcpMetrics {

    /** Why the listener closed a connection. */
    enum Closed {
        FAILED_LOGINS, SKIPPED_BYTES, OVERLONG, IDLE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final AtomicInteger open;
    private final Counter packets;
    private final Counter skipped;
    private final Counter failedLogins;
    private final Map<Closed, Counter> closed = new EnumMap<>(Closed.class);

    Hj212TcpMetrics(MeterRegistry registry) {
        this.open = registry.gauge("parkwatch.ingest.hj212.tcp.connections", new AtomicInteger());
        this.packets = registry.counter("parkwatch.ingest.hj212.tcp.packets");
        this.skipped = registry.counter("parkwatch.ingest.hj212.tcp.skipped.bytes");
        this.failedLogins = registry.counter("parkwatch.ingest.hj212.tcp.failed.logins");
        for (Closed reason : Closed.values()) {
            closed.put(reason, registry.counter("parkwatch.ingest.hj212.tcp.closed", "reason", reason.tag()));
        }
    }

    void opened() {
        open.incrementAndGet();
    }

    void disconnected() {
        open.decrementAndGet();
    }

    void packet() {
        packets.increment();
    }

    void skipped(int bytes) {
        skipped.increment(bytes);
    }

    void failedLogin() {
        failedLogins.increment();
    }

    void closed(Closed reason) {
        closed.get(reason).increment();
    }

    int open() {
        return open.get();
    }
}
