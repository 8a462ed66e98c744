package io.parkwatch.sink.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.write.Point;
import com.influxdb.exceptions.InfluxException;
import io.parkwatch.sink.PointWriteException;
import io.parkwatch.sink.PointWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Writes points through influxdb-client-java's blocking v2 write API ({@code /api/v2/write},
 * token auth) for InfluxDB 2.x and 3.x. The blocking API does not retry or buffer: every failure
 * reaches the caller, classified like {@link InfluxV1HttpPointWriter}'s. InfluxDB 1.x has no v2
 * API and answers 404, which surfaces as a configuration error.
 */
public final class InfluxV2ApiPointWriter implements PointWriter {

    private final InfluxV2Endpoint endpoint;
    private final InfluxDBClient client;
    private final WriteApiBlocking writeApi;
    private final InfluxWriteFailures failures;

    public InfluxV2ApiPointWriter(InfluxV2Endpoint endpoint) {
        this.endpoint = endpoint;
        this.client = InfluxDBClientFactory.create(options(endpoint));
        this.writeApi = client.getWriteApiBlocking();
        this.failures = new InfluxWriteFailures("bucket \"" + endpoint.bucket() + "\" (org \"" + endpoint.org() + "\")",
            "create the bucket or fix its name; InfluxDB 1.x has no /api/v2/write at all, use the v1 writer there");
    }

    private static InfluxDBClientOptions options(InfluxV2Endpoint endpoint) {
        Duration timeout = endpoint.timeout();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout);
        return InfluxDBClientOptions.builder()
            .url(endpoint.url())
            .authenticateToken(endpoint.token().toCharArray())
            .org(endpoint.org())
            .bucket(endpoint.bucket())
            .okHttpClient(http)
            .build();
    }

    @Override
    public void write(List<Point> points) throws PointWriteException {
        if (points.isEmpty()) {
            return;
        }
        List<Point> writable = new ArrayList<>(points.size());
        List<Point> unwritable = new ArrayList<>();
        for (Point point : points) {
            (LineProtocolBatch.isWritable(point) ? writable : unwritable).add(point);
        }
        if (!writable.isEmpty()) {
            try {
                writeApi.writePoints(endpoint.bucket(), endpoint.org(), writable);
            } catch (InfluxException e) {
                throw classify(e);
            }
        }
        if (!unwritable.isEmpty()) {
            LineProtocolBatch.failOnUnwritable(unwritable);
        }
    }

    private PointWriteException classify(InfluxException e) {
        if (e.status() == 0) {
            IOException io = e.getCause() instanceof IOException cause ? cause : new IOException(e.getMessage(), e);
            return failures.fromIo(io, endpoint.url() + "/api/v2/write");
        }
        Map<String, String> headers = e.headers();
        // 1.x puts the error in a header, 2.x in "message", 3.x in "error".
        String message = header(headers, "X-Influxdb-Error")
            .or(() -> field(e.errorBody(), "message"))
            .or(() -> field(e.errorBody(), "error"))
            .orElse(e.getMessage());
        return failures.fromResponse(e.status(), message,
            InfluxWriteFailures.parseRetryAfter(header(headers, "Retry-After").orElse(null)));
    }

    private static Optional<String> field(Map<String, Object> errorBody, String name) {
        return Optional.ofNullable(errorBody.get(name)).map(Object::toString).filter(text -> !text.isBlank());
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst();
    }

    @Override
    public void close() {
        client.close();
    }
}
