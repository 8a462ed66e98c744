package io.parkwatch.sink.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The error text of an InfluxDB answer. 1.x puts it in {@code X-Influxdb-Error} and
 * {@code {"error": ...}}, 2.x in {@code {"code": ..., "message": ...}}, 3.x in
 * {@code {"error": ...}}; proxies answer with plain text.
 */
final class ServerMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 1000;

    private ServerMessage() {
    }

    static String of(Optional<String> errorHeader, String body) {
        if (errorHeader.isPresent() && !errorHeader.get().isBlank()) {
            return errorHeader.get();
        }
        if (body == null || body.isBlank()) {
            return "";
        }
        return fromJson(body).orElseGet(() -> truncate(body.strip()));
    }

    private static Optional<String> fromJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"message", "error"}) {
                if (node != null && node.hasNonNull(field)) {
                    return Optional.of(truncate(node.get(field).asText()));
                }
            }
            return Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
