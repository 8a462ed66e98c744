package io.parkwatch.sink.influx;

import com.influxdb.client.write.Point;
import io.parkwatch.sink.PointBatch;
import io.parkwatch.sink.PointWriteException;
import io.parkwatch.sink.PointWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes points as line protocol to the v1 {@code /write} endpoint with java.net.http. InfluxDB
 * 1.x, 2.x (v1 compatibility API, DBRP mapping required) and 3.x all serve it, so this is the
 * writer that works against every server. One request per call: the caller chooses the batch
 * size (5000 points is a good size for 1.x).
 */
public final class InfluxV1HttpPointWriter implements PointWriter {

    private static final String LINE_PROTOCOL = "text/plain; charset=utf-8";

    private final InfluxV1Http http;
    private final Map<String, String> params;

    public InfluxV1HttpPointWriter(InfluxV1Endpoint endpoint) {
        this(endpoint, InfluxV1Http.defaultClient(endpoint.timeout()));
    }

    public InfluxV1HttpPointWriter(InfluxV1Endpoint endpoint, HttpClient client) {
        String target = "database \"" + endpoint.database() + "\""
            + endpoint.retentionPolicy().map(rp -> " (retention policy \"" + rp + "\")").orElse("");
        this.http = new InfluxV1Http(endpoint, client, new InfluxWriteFailures(target,
            "create it (InfluxDatabaseAdmin does at start) or fix the configured database name"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("db", endpoint.database());
        endpoint.retentionPolicy().ifPresent(rp -> query.put("rp", rp));
        query.put("precision", "ns");
        this.params = Collections.unmodifiableMap(query);
    }

    @Override
    public void write(List<Point> points) throws PointWriteException {
        if (!points.isEmpty()) {
            post(LineProtocolBatch.of(points));
        }
    }

    /** A batch whose body is written as its points are added. */
    @Override
    public PointBatch newBatch(int expectedPoints) {
        return new EncodingBatch(expectedPoints);
    }

    private void post(LineProtocolBatch batch) throws PointWriteException {
        if (batch.lines() > 0) {
            http.post("/write", params, LINE_PROTOCOL, HttpRequest.BodyPublishers.ofByteArray(batch.bytes()));
        }
        batch.failOnUnwritable();
    }

    private final class EncodingBatch extends PointBatch {

        private final LineProtocolBatch.Builder lines;
        private LineProtocolBatch body;

        EncodingBatch(int expectedPoints) {
            super(expectedPoints);
            this.lines = new LineProtocolBatch.Builder(expectedPoints);
        }

        @Override
        protected void prepare(Point point) {
            lines.add(point);
        }

        /** The body is built at the first write; a retry posts the same one. */
        @Override
        protected void send() throws PointWriteException {
            if (body == null) {
                body = lines.build();
            }
            post(body);
        }
    }
}
