package io.parkwatch.sink.influx;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the v1 {@code /write} and {@code /query} API lives, served by InfluxDB 1.x, 2.x (v1
 * compatibility) and 3.x.
 *
 * @param url             base URL, e.g. {@code http://127.0.0.1:8086}; a path prefix is kept
 * @param database        database (on 2.x: the DBRP-mapped database name)
 * @param retentionPolicy {@code rp} parameter; empty writes to the default policy
 * @param credentials     Basic auth; empty sends none
 * @param timeout         per request, connection included
 */
public record InfluxV1Endpoint(
    String url, String database, Optional<String> retentionPolicy, Optional<BasicCredentials> credentials,
    Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public InfluxV1Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(timeout, "timeout");
        URI parsed = URI.create(url);
        if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("InfluxDB URL must be http:// or https://, got " + url);
        }
        if (database.isBlank()) {
            throw new IllegalArgumentException("InfluxDB database name is empty");
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** No retention policy, no credentials, default timeout. */
    public static InfluxV1Endpoint of(String url, String database) {
        return new InfluxV1Endpoint(url, database, Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT);
    }

    public InfluxV1Endpoint withRetentionPolicy(String rp) {
        return new InfluxV1Endpoint(url, database, Optional.of(rp), credentials, timeout);
    }

    public InfluxV1Endpoint withCredentials(String username, String password) {
        return new InfluxV1Endpoint(url, database, retentionPolicy,
            Optional.of(new BasicCredentials(username, password)), timeout);
    }

    public InfluxV1Endpoint withTimeout(Duration requestTimeout) {
        return new InfluxV1Endpoint(url, database, retentionPolicy, credentials, requestTimeout);
    }
}
