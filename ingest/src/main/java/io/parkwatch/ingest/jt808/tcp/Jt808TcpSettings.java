package io.parkwatch.ingest.jt808.tcp;

import java.time.Duration;
import java.util.Objects;

/**
 * The JT/T 808 listener's settings, checked when built.
 *
 * @param host                    the address to bind, e.g. 0.0.0.0
 * @param port                    the TCP port; 0 binds a free one (tests)
 * @param heartbeat               the terminals' heartbeat interval; a connection silent for three of
 *                                them is closed
 * @param maxReportsInFlight      reports of one connection handed to the gateway and not yet
 *                                answered; at this many the connection stops being read
 * @param maxRefusalsBeforeAuth   refusals a connection may earn before it authenticates (unknown
 *                                terminal, wrong code, reports) before it is closed
 * @param partsTimeout            how long the parts of a split message wait for the rest
 * @param maxPendingPartBytes     the bytes of unfinished split messages one connection may hold
 */
public record Jt808TcpSettings(String host, int port, Duration heartbeat, int maxReportsInFlight,
                               int maxRefusalsBeforeAuth, Duration partsTimeout, int maxPendingPartBytes) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(60);
    /** The gateway's payload cap: a whole split message can be no longer. */
    public static final int DEFAULT_MAX_PENDING_PART_BYTES = 64 * 1024;

    public Jt808TcpSettings {
        Objects.requireNonNull(host, "host is required");
        Objects.requireNonNull(heartbeat, "heartbeat is required");
        Objects.requireNonNull(partsTimeout, "partsTimeout is required");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (heartbeat.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("heartbeat must be at least 1s: " + heartbeat);
        }
        if (maxReportsInFlight < 1) {
            throw new IllegalArgumentException("maxReportsInFlight must be at least 1: " + maxReportsInFlight);
        }
        if (maxRefusalsBeforeAuth < 1) {
            throw new IllegalArgumentException("maxRefusalsBeforeAuth must be at least 1: " + maxRefusalsBeforeAuth);
        }
        if (partsTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("partsTimeout must be at least 1s: " + partsTimeout);
        }
        if (maxPendingPartBytes < 1) {
            throw new IllegalArgumentException("maxPendingPartBytes must be at least 1: " + maxPendingPartBytes);
        }
    }

    /** The defaults around a host, port and heartbeat: 32 reports in flight, 3 refusals, parts wait 60 s. */
    public static Jt808TcpSettings of(String host, int port, Duration heartbeat) {
        return new Jt808TcpSettings(host, port, heartbeat, 32, 3, Duration.ofSeconds(60),
            DEFAULT_MAX_PENDING_PART_BYTES);
    }

    /** Three heartbeat intervals. */
    public Duration idleTimeout() {
        return heartbeat.multipliedBy(3);
    }
}
