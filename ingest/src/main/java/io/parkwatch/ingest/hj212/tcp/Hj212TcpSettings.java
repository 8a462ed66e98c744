package io.parkwatch.ingest.hj212.tcp;

import java.time.Duration;

/**
 * The HJ 212 TCP listener's address and its limits per connection. Each check names the command
 * line option that sets the value.
 *
 * @param host            the address to listen on
 * @param port            the port; 0 picks a free one
 * @param idleTimeout     a connection that sends nothing this long, with no answer pending, is closed
 * @param maxInFlight     packets of one connection awaiting their answer before it is read no further
 * @param maxFailedLogins consecutive refused logins (unknown MN, wrong PW) after which it is closed
 * @param maxSkippedBytes bytes between packets, since its last packet, after which it is closed
 */
public record Hj212TcpSettings(String host, int port, Duration idleTimeout, int maxInFlight, int maxFailedLogins,
                               int maxSkippedBytes) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;
    public static final int DEFAULT_MAX_FAILED_LOGINS = 5;
    /** Four packets of the standard's largest size: more noise than a line glitch makes. */
    public static final int DEFAULT_MAX_SKIPPED_BYTES = 4096;

    public Hj212TcpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--hj212-host must name an address, e.g. 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--hj212-port must be 0..65535 (0 picks a free port), got " + port);
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("--hj212-idle-timeout must be positive, got " + idleTimeout);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("--hj212-max-in-flight must be positive, got " + maxInFlight);
        }
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("--hj212-max-failed-logins must be positive, got " + maxFailedLogins);
        }
        if (maxSkippedBytes < 1) {
            throw new IllegalArgumentException("max skipped bytes must be positive, got " + maxSkippedBytes);
        }
    }

    /** Listening on {@code host:port} with the default limits. */
    public static Hj212TcpSettings of(String host, int port) {
        return new Hj212TcpSettings(host, port, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_FAILED_LOGINS,
            DEFAULT_MAX_SKIPPED_BYTES);
    }
}
