package io.parkwatch.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Counts stored readings over InfluxQL ({@code /query}), the way a bureau would check them. */
final class InfluxCounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String database;

    InfluxCounts(String url, String database) {
        this.url = url;
        this.database = database;
    }

    long readings(String park) throws IOException, InterruptedException {
        JsonNode series = query("SELECT count(\"value\") FROM \"reading\" WHERE \"park\" = '" + park + "'")
            .path("series").path(0);
        return series.isMissingNode() ? 0 : series.path("values").path(0).path(1).asLong();
    }

    long distinctMessageIds(String park) throws IOException, InterruptedException {
        JsonNode series = query("SELECT count(distinct(\"message_id\")) FROM \"reading\" WHERE \"park\" = '" + park
            + "'").path("series").path(0);
        return series.isMissingNode() ? 0 : series.path("values").path(0).path(1).asLong();
    }

    Map<String, Long> readingsPerPoint(String park) throws IOException, InterruptedException {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode series : query("SELECT count(\"value\") FROM \"reading\" WHERE \"park\" = '" + park
                + "' GROUP BY \"point\"").path("series")) {
            counts.put(series.path("tags").path("point").asText(), series.path("values").path(0).path(1).asLong());
        }
        return counts;
    }

    private JsonNode query(String influxQl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/query?db="
                + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&q="
                + URLEncoder.encode(influxQl, StandardCharsets.UTF_8))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("InfluxDB answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("results").path(0);
    }
}
