package io.parkwatch.cli.runtime;

import io.parkwatch.contracts.influx.InfluxSchema;
import io.parkwatch.sink.PointWriter;
import io.parkwatch.sink.influx.BasicCredentials;
import io.parkwatch.sink.influx.InfluxV1Endpoint;
import io.parkwatch.sink.influx.RetentionRoutingPointWriter;
import io.parkwatch.sink.influx.InfluxV2ApiPointWriter;
import io.parkwatch.sink.influx.InfluxV2Endpoint;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where results land. The v1 API ({@code /write}, {@code /query}) is served by InfluxDB 1.x,
 * 2.x and 3.x; the v2 write API needs a token and serves 2.x and 3.x.
 *
 * @param api      {@code v1} or {@code v2}: which write path the sink uses
 * @param username v1 credentials, null for none
 * @param buckets  v2: the bucket of a retention policy ({@code raw}, {@code agg_1m},
 *                 {@code agg_1h}); a policy not named here writes to {@code database}
 */
public record InfluxTarget(String url, String database, String api, String username, char[] password, String token,
                           String org, Map<String, String> buckets) {

    private static final Set<String> POLICIES = Set.of(InfluxSchema.RP_RAW, InfluxSchema.RP_AGGREGATE_1M,
        InfluxSchema.RP_AGGREGATE_1H);

    public InfluxTarget {
        Objects.requireNonNull(url, "--influx is required");
        Objects.requireNonNull(database, "--influx-db is required");
        if (!"v1".equals(api) && !"v2".equals(api)) {
            throw new IllegalArgumentException("--influx-api must be v1 or v2, got " + api);
        }
        if ("v2".equals(api) && (token == null || token.isBlank() || org == null || org.isBlank())) {
            throw new IllegalArgumentException("--influx-api v2 needs a token (PARKWATCH_INFLUX_TOKEN) and --influx-org");
        }
        buckets = buckets == null ? Map.of() : Map.copyOf(buckets);
        buckets.forEach((policy, bucket) -> {
            if (!POLICIES.contains(policy)) {
                throw new IllegalArgumentException("--influx-bucket: unknown retention policy '" + policy
                    + "' (raw, agg_1m, agg_1h)");
            }
            if (bucket.isBlank()) {
                throw new IllegalArgumentException("--influx-bucket: empty bucket for " + policy);
            }
        });
        if (!buckets.isEmpty() && !"v2".equals(api)) {
            throw new IllegalArgumentException("--influx-bucket needs --influx-api v2 (v1 writes policies with rp=)");
        }
    }

    public static InfluxTarget v1(String url, String database) {
        return new InfluxTarget(url, database, "v1", null, null, null, null, Map.of());
    }

    public InfluxV1Endpoint v1Endpoint() {
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(url, database);
        return username == null ? endpoint : endpoint.withCredentials(username, new String(password));
    }

    public Optional<BasicCredentials> credentials() {
        return v1Endpoint().credentials();
    }

    /**
     * On v1, each point goes to its retention policy (aggregates to agg_1m/agg_1h); on v2 to its
     * policy's bucket, all to {@code database} unless {@code buckets} names others.
     */
    public PointWriter writer() {
        if (!"v2".equals(api)) {
            return RetentionRoutingPointWriter.v1(v1Endpoint());
        }
        if (buckets.isEmpty()) {
            return new InfluxV2ApiPointWriter(InfluxV2Endpoint.of(url, token, org, database));
        }
        return RetentionRoutingPointWriter.of(policy -> new InfluxV2ApiPointWriter(
            InfluxV2Endpoint.of(url, token, org, bucketOf(policy))));
    }

    /** The v2 bucket of a retention policy (empty: the default policy, {@code raw}). */
    String bucketOf(Optional<String> policy) {
        return buckets.getOrDefault(policy.orElse(InfluxSchema.RP_RAW), database);
    }

    @Override
    public String toString() {
        return "InfluxTarget[" + url + ", db=" + database + ", api=" + api + "]";
    }
}
