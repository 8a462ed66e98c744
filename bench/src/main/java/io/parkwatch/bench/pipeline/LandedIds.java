package io.parkwatch.bench.pipeline;

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
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When InfluxDB holds fewer readings than were sent: which ones are missing, by message id. Reads
 * every {@code message_id} of the load's park back (chunked InfluxQL) and compares it with the
 * ids the tally saw in Kafka, per format, with a few examples.
 */
final class LandedIds {

    /** Missing readings per format and up to ten of their tally bits ({@code FORMAT#bit}). */
    record Missing(Map<String, Long> byFormat, List<String> examples) {
    }

    private LandedIds() {
    }

    static Missing find(String url, String database, long sinceMillis, IdTally tally) throws Exception {
        Map<String, BitSet> landed = new TreeMap<>();
        for (String measurement : List.of(InfluxSchema.READING, InfluxSchema.POSITION)) {
            read(url, database, "SELECT \"" + InfluxSchema.FIELD_MESSAGE_ID + "\" FROM \"" + measurement + "\" WHERE \""
                + InfluxSchema.TAG_PARK + "\"='" + FieldLoad.PARK + "' AND time >= " + sinceMillis + "ms", tally, landed);
        }
        return tally.missingFrom(landed);
    }

    private static void read(String url, String database, String statement, IdTally tally, Map<String, BitSet> landed)
        throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                + "/query?chunked=true&chunk_size=20000&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + "&q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8))).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                for (JsonNode series : json.readTree(line).path("results").path(0).path("series")) {
                    for (JsonNode row : series.path("values")) {
                        String id = row.path(1).asText();
                        String format = FieldLoad.formatOf(id);
                        long bit = tally.key(format, id);
                        if (bit >= 0 && bit <= Integer.MAX_VALUE) {
                            landed.computeIfAbsent(format, f -> new BitSet()).set((int) bit);
                        }
                    }
                }
            }
        }
    }
}
