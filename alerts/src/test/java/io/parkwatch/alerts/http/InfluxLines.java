package io.parkwatch.alerts.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A database laid out as the sink lays it out (raw, agg_1m, agg_1h), and line protocol written into it. */
final class InfluxLines {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String database;

    InfluxLines(String url, String database) throws IOException, InterruptedException {
        this.url = url;
        this.database = database;
        statement("CREATE DATABASE \"" + database + "\"");
        statement("CREATE RETENTION POLICY \"raw\" ON \"" + database + "\" DURATION INF REPLICATION 1 DEFAULT");
        statement("CREATE RETENTION POLICY \"agg_1m\" ON \"" + database + "\" DURATION INF REPLICATION 1");
        statement("CREATE RETENTION POLICY \"agg_1h\" ON \"" + database + "\" DURATION INF REPLICATION 1");
    }

    private void statement(String influxQl) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(url + "/query"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8)))
            .build());
    }

    /** Writes lines (second precision) into {@code retentionPolicy}. */
    void write(String retentionPolicy, List<String> lines) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(url + "/write?precision=s&db=" + database + "&rp=" + retentionPolicy))
            .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))).build());
    }

    private void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2 || response.body().contains("\"error\"")) {
            throw new IOException("InfluxDB answered " + response.statusCode() + ": " + response.body());
        }
    }
}
