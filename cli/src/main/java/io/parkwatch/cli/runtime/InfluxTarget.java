package io.parkwatch.cli.runtime;

import io.parkwatch.streams.sink.PointWriter;
import io.parkwatch.streams.sink.influx.BasicCredentials;
import io.parkwatch.streams.sink.influx.InfluxV1Endpoint;
import io.parkwatch.streams.sink.influx.RetentionRoutingPointWriter;
import io.parkwatch.streams.sink.influx.InfluxV2ApiPointWriter;
import io.parkwatch.streams.sink.influx.InfluxV2Endpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * Where results land. The v1 API ({@code /write}, {@code /query}) is served by InfluxDB 1.x,
 * 2.x and 3.x; the v2 write API needs a token and serves 2.x and 3.x.
 *
 * @param api      {@code v1} or {@code v2}: which write path the sink uses
 * @param username v1 credentials, null for none
 */
public record InfluxTarget(String url, String database, String api, String username, char[] password, String token,
                           String org) {

    public InfluxTarget {
        Objects.requireNonNull(url, "--influx is required");
        Objects.requireNonNull(database, "--influx-db is required");
        if (!"v1".equals(api) && !"v2".equals(api)) {
            throw new IllegalArgumentException("--influx-api must be v1 or v2, got " + api);
        }
        if ("v2".equals(api) && (token == null || token.isBlank() || org == null || org.isBlank())) {
            throw new IllegalArgumentException("--influx-api v2 needs a token (PARKWATCH_INFLUX_TOKEN) and --influx-org");
        }
    }

    public static InfluxTarget v1(String url, String database) {
        return new InfluxTarget(url, database, "v1", null, null, null, null);
    }

    public InfluxV1Endpoint v1Endpoint() {
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(url, database);
        return username == null ? endpoint : endpoint.withCredentials(username, new String(password));
    }

    public Optional<BasicCredentials> credentials() {
        return v1Endpoint().credentials();
    }

    /** On v1, each point goes to its retention policy (aggregates to agg_1m/agg_1h); v2 writes one bucket. */
    public PointWriter writer() {
        return "v2".equals(api)
            ? new InfluxV2ApiPointWriter(InfluxV2Endpoint.of(url, token, org, database))
            : RetentionRoutingPointWriter.v1(v1Endpoint());
    }

    @Override
    public String toString() {
        return "InfluxTarget[" + url + ", db=" + database + ", api=" + api + "]";
    }
}
