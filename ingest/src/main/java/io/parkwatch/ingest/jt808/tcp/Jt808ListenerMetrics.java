package io.parkwatch.ingest.jt808.tcp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the JT/T 808 listener counts besides the gateway's own metrics (reports that reach the
 * gateway are counted there, as received, published or rejected): frames, garbage, the refusals
 * the session decides itself (also counted by the gateway once in the rejected topic, by reason;
 * an unauthenticated heartbeat only here), and connections closed by the platform, each by cause.
 */
public final class Jt808ListenerMetrics {

    /** A candidate frame that failed its escapes, check code or header. */
    static final String REFUSED_BAD_FRAME = "bad-frame";
    /** A registration or authentication from a terminal the registry does not hold. */
    static final String REFUSED_UNKNOWN_TERMINAL = "unknown-terminal";
    /** An authentication with a code this platform did not issue to the terminal. */
    static final String REFUSED_WRONG_CODE = "wrong-code";
    /** A report or heartbeat before the terminal authenticated on this connection. */
    static final String REFUSED_UNAUTHENTICATED = "unauthenticated";

    static final String CLOSE_IDLE = "idle";
    static final String CLOSE_FRAME_TOO_LONG = "frame-too-long";
    static final String CLOSE_REFUSALS = "refusals-before-auth";
    static final String CLOSE_DEREGISTERED = "deregistered";
    static final String CLOSE_GATEWAY_STOPPING = "gateway-stopping";

    private final Counter frames;
    private final Counter garbageBytes;
    private final Map<String, Counter> refused;
    private final Map<String, Counter> closed;

    public Jt808ListenerMetrics(MeterRegistry registry) {
        this.frames = registry.counter("parkwatch.ingest.jt808.frames");
        this.garbageBytes = registry.counter("parkwatch.ingest.jt808.garbage.bytes");
        this.refused = counters(registry, "parkwatch.ingest.jt808.refused", REFUSED_BAD_FRAME,
            REFUSED_UNKNOWN_TERMINAL, REFUSED_WRONG_CODE, REFUSED_UNAUTHENTICATED);
        this.closed = counters(registry, "parkwatch.ingest.jt808.closed", CLOSE_IDLE, CLOSE_FRAME_TOO_LONG,
            CLOSE_REFUSALS, CLOSE_DEREGISTERED, CLOSE_GATEWAY_STOPPING);
    }

    private static Map<String, Counter> counters(MeterRegistry registry, String name, String... causes) {
        return Stream.of(causes).collect(Collectors.toUnmodifiableMap(Function.identity(),
            cause -> registry.counter(name, "cause", cause)));
    }

    void frame() {
        frames.increment();
    }

    void garbage(int bytes) {
        if (bytes > 0) {
            garbageBytes.increment(bytes);
        }
    }

    void refused(String cause) {
        refused.get(cause).increment();
    }

    void closed(String cause) {
        closed.get(cause).increment();
    }

    public double framesCount() {
        return frames.count();
    }

    public double garbageBytesCount() {
        return garbageBytes.count();
    }

    public double refusedCount(String cause) {
        return refused.get(cause).count();
    }

    public double closedCount(String cause) {
        return closed.get(cause).count();
    }
}
