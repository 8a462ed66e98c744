package io.parkwatch.sink.influx;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the v2 write API ({@code /api/v2/write}) lives: InfluxDB 2.x and 3.x. InfluxDB 1.x
 * has no such endpoint (it answers 404); use {@link InfluxV1HttpPointWriter} there.
 *
 * @param url     base URL, e.g. {@code http://127.0.0.1:8086}
 * @param token   API token with write permission on the bucket
 * @param org     organization (3.x ignores it)
 * @param bucket  bucket (3.x: database)
 * @param timeout per request
 */
public record InfluxV2Endpoint(String url, String token, String org, String bucket, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public InfluxV2Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(timeout, "timeout");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("InfluxDB bucket name is empty");
        }
    }

    public static InfluxV2Endpoint of(String url, String token, String org, String bucket) {
        return new InfluxV2Endpoint(url, token, org, bucket, DEFAULT_TIMEOUT);
    }

    // Keeps the token out of logs and exception messages.
    @Override
    public String toString() {
        return "InfluxV2Endpoint[url=" + url + ", token=***, org=" + org + ", bucket=" + bucket
            + ", timeout=" + timeout + "]";
    }
}
