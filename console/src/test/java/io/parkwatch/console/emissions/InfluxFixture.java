package io.parkwatch.console.emissions;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sets up a database the way the sink does (policies raw, agg_1m, agg_1h) and writes line protocol into it. */
public final class InfluxFixture {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String database;

    public InfluxFixture(String url, String database) throws IOException, InterruptedException {
        this.url = url;
        this.database = database;
        statement("CREATE DATABASE \"" + database + "\"");
        statement("CREATE RETENTION POLICY \"raw\" ON \"" + database + "\" DURATION INF REPLICATION 1 DEFAULT");
        statement("CREATE RETENTION POLICY \"agg_1m\" ON \"" + database + "\" DURATION INF REPLICATION 1");
        statement("CREATE RETENTION POLICY \"agg_1h\" ON \"" + database + "\" DURATION INF REPLICATION 1");
    }

    public void statement(String influxQl) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(url + "/query"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8)))
            .build());
    }

    /** Writes lines (second precision) into {@code retentionPolicy}, in requests of 5000 lines. */
    public void write(String retentionPolicy, List<String> lines) throws IOException, InterruptedException {
        for (int from = 0; from < lines.size(); from += 5000) {
            String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 5000)));
            send(HttpRequest.newBuilder(URI.create(url + "/write?precision=s&db=" + database + "&rp="
                    + retentionPolicy))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
    }

    private void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2 || response.body().contains("\"error\"")) {
            throw new IOException("InfluxDB answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** An hourly aggregate line of the sink's schema. */
    static String hourly(String enterprise, String point, String metric, long epochSecond, double mean, long count,
                         long good) {
        return "aggregate,domain=EMISSIONS,enterprise=" + enterprise + ",metric=" + metric + ",park=xilinhot,point="
            + point + ",window=1h mean=" + mean + ",min=" + (mean - 1) + ",max=" + (mean + 2) + ",count=" + count
            + "i,good_count=" + good + "i " + epochSecond;
    }
}
