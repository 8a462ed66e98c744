package io.parkwatch.streams.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The sink's fast path for readings, the bulk of what it lands: Jackson's streaming parser over
 * the record's bytes straight into a {@link Reading}, without databind (whose bean machinery was
 * most of the sink's decoding time). It reads only the form the contract serde writes — an
 * object, each field at most once and of its JSON type, enums by their exact name, instants as
 * ISO UTC text, no position — and answers null for anything else, bad records included: the
 * contract serde then reads the record, with its own values, leniencies and error messages. The
 * reading's own constructor still validates what this reads.
 */
final class ReadingJsonReader {

    /** The contract mapper's factory: the same parser features as the serde. */
    private static final JsonFactory JSON = JsonSerde.MAPPER.getFactory();
    private static final Map<String, Domain> DOMAINS = byName(Domain.values());
    private static final Map<String, Quality> QUALITIES = byName(Quality.values());
    private static final Map<String, SourceFormat> FORMATS = byName(SourceFormat.values());

    /** The reading, or null when the contract serde must read these bytes. */
    Reading read(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields fields = new Fields();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                if (!fields.read(name, parser)) {
                    return null;
                }
            }
            if (!parser.hasToken(JsonToken.END_OBJECT) || parser.nextToken() != null) {
                return null;
            }
            return fields.reading();
        } catch (IOException | RuntimeException e) {
            // Malformed, or refused by Reading's constructor: the serde gives the contract's error.
            return null;
        }
    }

    private static <E extends Enum<E>> Map<String, E> byName(E[] values) {
        Map<String, E> byName = new HashMap<>();
        for (E value : values) {
            byName.put(value.name(), value);
        }
        return Map.copyOf(byName);
    }

    /** One reading's fields as read so far; {@code seen} has a bit per field, to refuse duplicates. */
    private static final class Fields {

        private int seen;
        private String messageId;
        private String park;
        private String enterprise;
        private String point;
        private Domain domain;
        private String metric;
        private Double value;
        private String unit;
        private Instant observedAt;
        private Instant receivedAt;
        private Quality quality;
        private SourceFormat sourceFormat;

        /** Reads the value of field {@code name}; false when only the serde can read it. */
        boolean read(String name, JsonParser parser) throws IOException {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "messageId" -> messageId = text(0, token, parser);
                case "park" -> park = text(1, token, parser);
                case "enterprise" -> enterprise = text(2, token, parser);
                case "point" -> point = text(3, token, parser);
                case "domain" -> domain = constant(4, token, parser, DOMAINS);
                case "metric" -> metric = text(5, token, parser);
                case "value" -> value = number(6, token, parser);
                case "position" -> once(7, token == JsonToken.VALUE_NULL);
                case "unit" -> unit = text(8, token, parser);
                case "observedAt" -> observedAt = instant(9, token, parser);
                case "receivedAt" -> receivedAt = instant(10, token, parser);
                case "quality" -> quality = constant(11, token, parser, QUALITIES);
                case "sourceFormat" -> sourceFormat = constant(12, token, parser, FORMATS);
                default -> parser.skipChildren();
            }
            return seen >= 0;
        }

        Reading reading() {
            return new Reading(messageId, park, enterprise, point, domain, metric, value, null, unit, observedAt,
                receivedAt, quality, sourceFormat);
        }

        /** Marks field {@code bit} as read; a second time, or a value the serde must read, spoils the record. */
        private void once(int bit, boolean readable) {
            if ((seen & 1 << bit) != 0 || !readable) {
                seen = -1;
            } else if (seen >= 0) {
                seen |= 1 << bit;
            }
        }

        private String text(int bit, JsonToken token, JsonParser parser) throws IOException {
            once(bit, token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL);
            return token == JsonToken.VALUE_STRING ? parser.getText() : null;
        }

        private Double number(int bit, JsonToken token, JsonParser parser) throws IOException {
            boolean numeric = token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT;
            once(bit, numeric || token == JsonToken.VALUE_NULL);
            return numeric ? parser.getDoubleValue() : null;
        }

        private Instant instant(int bit, JsonToken token, JsonParser parser) throws IOException {
            Instant instant = token == JsonToken.VALUE_STRING ? IsoInstantDeserializer.parse(parser.getText()) : null;
            once(bit, instant != null || token == JsonToken.VALUE_NULL);
            return instant;
        }

        private <E> E constant(int bit, JsonToken token, JsonParser parser, Map<String, E> byName) throws IOException {
            E constant = token == JsonToken.VALUE_STRING ? byName.get(parser.getText()) : null;
            once(bit, constant != null || token == JsonToken.VALUE_NULL);
            return constant;
        }
    }
}
