package io.parkwatch.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the JSON point payload: one object or an array of objects
 * {@code {"metric", "value", "unit", "ts", "quality"?, "id"?}}; {@code ts} is ISO-8601 with an
 * offset, or epoch milliseconds.
 */
public final class JsonPointPayloadDecoder {

    /** Decodes the payload text of {@code pointKey}; ids default to point, metric and time. */
    public List<Observation> decode(String pointKey, String text) throws RejectedInputException {
        return observations(pointKey, parse(() -> JsonSerde.MAPPER.readTree(text)));
    }

    /** Decodes an ASCII payload straight from its bytes (the gateway's usual path: no intermediate string). */
    public List<Observation> decode(String pointKey, byte[] utf8) throws RejectedInputException {
        return observations(pointKey, parse(() -> JsonSerde.MAPPER.readTree(utf8)));
    }

    private static List<Observation> observations(String pointKey, JsonNode root) throws RejectedInputException {
        List<Observation> observations = new ArrayList<>(root.isArray() ? root.size() : 1);
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new RejectedInputException(RejectReason.MALFORMED_JSON, "the array holds no reading");
            }
            for (int i = 0; i < root.size(); i++) {
                observations.add(observation(pointKey, root.get(i), "[" + i + "]"));
            }
        } else {
            observations.add(observation(pointKey, root, ""));
        }
        return observations;
    }

    /** Jackson's tree reading, from text or bytes. */
    private interface TreeSource {
        JsonNode read() throws IOException;
    }

    private static JsonNode parse(TreeSource source) throws RejectedInputException {
        try {
            return source.read();
        } catch (JsonProcessingException e) {
            throw new RejectedInputException(RejectReason.MALFORMED_JSON, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedInputException(RejectReason.MALFORMED_JSON, "not JSON: " + e.getMessage());
        }
    }

    private static Observation observation(String pointKey, JsonNode node, String where)
            throws RejectedInputException {
        if (node == null || !node.isObject()) {
            throw new RejectedInputException(RejectReason.MALFORMED_JSON, "reading" + where + " is not an object");
        }
        String metric = requiredText(node, "metric", where);
        double value = value(node, where);
        String unit = requiredText(node, "unit", where);
        Instant observedAt = timestamp(node, where);
        Quality quality = quality(node, where);
        JsonNode id = node.get("id");
        // An id of another type would otherwise be dropped for the default unseen, and with it the
        // sender's way of telling its readings apart.
        String messageId = id == null || id.isNull()
            ? pointKey + '|' + metric + '|' + observedAt.toEpochMilli()
            : requiredText(node, "id", where);
        return Observation.value(messageId, metric, value, unit, observedAt, quality);
    }

    private static String requiredText(JsonNode node, String field, String where) throws RejectedInputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new RejectedInputException(RejectReason.MISSING_FIELD, "reading" + where + " has no '" + field + "'");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new RejectedInputException(RejectReason.MALFORMED_JSON,
                "reading" + where + " field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static double value(JsonNode node, String where) throws RejectedInputException {
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            throw new RejectedInputException(RejectReason.MISSING_FIELD, "reading" + where + " has no 'value'");
        }
        if (!value.isNumber()) {
            throw new RejectedInputException(RejectReason.NON_FINITE_VALUE,
                "reading" + where + " value " + value + " is not a number");
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw new RejectedInputException(RejectReason.NON_FINITE_VALUE,
                "reading" + where + " value " + value.asText() + " is not a finite number");
        }
        return number;
    }

    private static Instant timestamp(JsonNode node, String where) throws RejectedInputException {
        JsonNode ts = node.get("ts");
        if (ts == null || ts.isNull()) {
            throw new RejectedInputException(RejectReason.MISSING_FIELD, "reading" + where + " has no 'ts'");
        }
        if (ts.isIntegralNumber() && ts.canConvertToLong()) {
            return Instant.ofEpochMilli(ts.longValue());
        }
        if (ts.isTextual()) {
            try {
                return OffsetDateTime.parse(ts.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new RejectedInputException(RejectReason.TIMESTAMP_INVALID, "reading" + where + " ts '"
                    + ts.asText() + "' is not ISO-8601 with an offset (e.g. 2026-11-23T08:00:00+08:00)");
            }
        }
        throw new RejectedInputException(RejectReason.TIMESTAMP_INVALID,
            "reading" + where + " ts must be ISO-8601 text or epoch milliseconds, got " + ts);
    }

    private static Quality quality(JsonNode node, String where) throws RejectedInputException {
        JsonNode quality = node.get("quality");
        if (quality == null || quality.isNull()) {
            return Quality.N;
        }
        try {
            return Quality.valueOf(quality.asText());
        } catch (IllegalArgumentException e) {
            throw new RejectedInputException(RejectReason.MALFORMED_JSON, "reading" + where + " quality '"
                + quality.asText() + "' is not one of the HJ 212 flags N F M S D C T B");
        }
    }
}
