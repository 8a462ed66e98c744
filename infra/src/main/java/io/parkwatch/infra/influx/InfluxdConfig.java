package io.parkwatch.infra.influx;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a local influxd.
 *
 * @param host         loopback address it binds to; anything else is refused because the
 *                     development server runs without authentication
 * @param port         HTTP port; 0 picks a free one
 * @param dataDir      private directory for meta, data, WAL, config and log; reuse it to keep data
 * @param binary       influxd to run; empty searches PATH, then /usr/bin/influxd
 * @param startTimeout how long to wait for {@code /ping} to answer
 */
public record InfluxdConfig(String host, int port, Path dataDir, Optional<Path> binary, Duration startTimeout) {

    /** The command-line flag that chooses the port; named when the port is busy. */
    public static final String PORT_FLAG = "--influx-port";

    public static final String LOOPBACK = "127.0.0.1";

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    public InfluxdConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("influxd runs without authentication, so it binds to loopback only; "
                + "got host " + host);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
    }

    /** 127.0.0.1 on {@code port} (0 = any free port), data in {@code dataDir}, influxd from PATH. */
    public static InfluxdConfig loopback(int port, Path dataDir) {
        return new InfluxdConfig(LOOPBACK, port, dataDir, Optional.empty(), DEFAULT_START_TIMEOUT);
    }

    public InfluxdConfig withBinary(Path influxd) {
        return new InfluxdConfig(host, port, dataDir, Optional.of(influxd), startTimeout);
    }

    public InfluxdConfig withStartTimeout(Duration timeout) {
        return new InfluxdConfig(host, port, dataDir, binary, timeout);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
