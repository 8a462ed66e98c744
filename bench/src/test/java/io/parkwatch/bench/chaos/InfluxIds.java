package io.parkwatch.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The readings of a run as InfluxDB holds them: how many points carry each message id (the sink writes
 * the id as the field {@value InfluxSchema#FIELD_MESSAGE_ID} of every reading's point).
 */
final class InfluxIds {

    private InfluxIds() {
    }

    /** Points per message id among the readings of {@code park} observed since {@code sinceMillis}, ids starting with {@code prefix}. */
    static Map<String, Integer> count(String url, String park, long sinceMillis, String prefix)
        throws IOException, InterruptedException {
        String statement = "SELECT \"" + InfluxSchema.FIELD_MESSAGE_ID + "\" FROM \"" + InfluxSchema.READING
            + "\" WHERE \"" + InfluxSchema.TAG_PARK + "\"='" + park + "' AND time >= " + sinceMillis + "ms";
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                + "/query?chunked=true&chunk_size=20000&db=parkwatch&q="
                + URLEncoder.encode(statement, StandardCharsets.UTF_8))).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("InfluxDB answered " + response.statusCode() + " to " + statement);
        }
        Map<String, Integer> counts = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode result = json.readTree(line).path("results").path(0);
                if (result.has("error")) {
                    throw new IOException("InfluxDB: " + result.path("error").asText());
                }
                for (JsonNode series : result.path("series")) {
                    for (JsonNode row : series.path("values")) {
                        String id = row.path(1).asText();
                        if (id.startsWith(prefix)) {
                            counts.merge(id, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }
}
