package io.parkwatch.bench.pipeline;

import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The load's readings in InfluxDB since an instant: {@code count(value)} of {@code reading} plus
 * {@code count(lat)} of {@code position}, for the load's park. Every reading of the load is
 * its own point (series and time), so the count is the number of distinct readings that landed.
 */
final class InfluxCount {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String database;

    InfluxCount(String url, String database) {
        this.url = url;
        this.database = database;
    }

    String url() {
        return url;
    }

    /** A count that stopped growing, and when it last grew (the first look when it never did). */
    record Landing(long count, long lastIncreaseNanos) {
    }

    /**
     * Looks every second until {@code expected} readings since {@code epochMillis} are in or
     * {@code deadlineNanos} passed: the time to the last increase is what a sustained rate divides by.
     */
    Landing awaitLanded(long epochMillis, long expected, long deadlineNanos) throws IOException, InterruptedException {
        long landed = since(epochMillis);
        long landedAt = System.nanoTime();
        while (landed < expected && System.nanoTime() < deadlineNanos) {
            Thread.sleep(1000);
            long now = since(epochMillis);
            if (now != landed) {
                landed = now;
                landedAt = System.nanoTime();
            }
        }
        return new Landing(landed, landedAt);
    }

    long since(long epochMillis) throws IOException, InterruptedException {
        String where = " WHERE \"" + InfluxSchema.TAG_PARK + "\"='" + FieldLoad.PARK + "' AND time >= " + epochMillis
            + "ms";
        return count("SELECT count(\"" + InfluxSchema.FIELD_VALUE + "\") FROM \"" + InfluxSchema.READING + "\"" + where)
            + count("SELECT count(\"" + InfluxSchema.FIELD_LATITUDE + "\") FROM \"" + InfluxSchema.POSITION + "\"" + where);
    }

    private long count(String statement) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/query?db="
                + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&epoch=ms&q="
                + URLEncoder.encode(statement, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.statusCode() != 200 || body.contains("\"error\"")) {
            throw new IOException("influxd answered " + response.statusCode() + ": " + body);
        }
        int values = body.indexOf("\"values\":[[");
        if (values < 0) {
            return 0;
        }
        String row = body.substring(values + 11, body.indexOf(']', values));
        return Long.parseLong(row.substring(row.indexOf(',') + 1).trim());
    }
}
