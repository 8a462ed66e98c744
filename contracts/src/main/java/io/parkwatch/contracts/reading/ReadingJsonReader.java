package io.parkwatch.contracts.reading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.parkwatch.contracts.json.IsoInstantDeserializer;
import io.parkwatch.contracts.json.JsonSerde;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The fast path for readings, the bulk of what every consumer of the readings topic decodes: Jackson's streaming parser over
 * the record's bytes straight into a {@link Reading}, without databind (whose bean machinery was
 * most of the sink's and the stream applications' decoding time). It reads only the form the contract serde writes — an
 * object, each field at most once and of its JSON type, enums by their exact name, instants as
 * ISO UTC text, no position — and answers null for anything else, bad records included: the
 * contract databind then reads the record, with its own values, leniencies and error messages. The
 * reading's own constructor still validates what this reads. Before the parser, {@link
 * CompactReadingScanner} tries the compact ASCII form the serde itself writes, a few times faster.
 */
public final class ReadingJsonReader {

    /**
     * The contract mapper's factory, with Jackson's fast double parser: it is correctly rounded,
     * so it reads the very double {@code Double.parseDouble} reads, in a fraction of the time.
     */
    private static final JsonFactory JSON = JsonSerde.MAPPER.getFactory().rebuild()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .build();
    private static final List<Domain> DOMAINS = List.of(Domain.values());
    private static final List<Quality> QUALITIES = List.of(Quality.values());
    private static final List<SourceFormat> FORMATS = List.of(SourceFormat.values());

    private final CompactReadingScanner compact = new CompactReadingScanner();

    /** The reading, or null when the contract serde must read these bytes. */
    public Reading read(byte[] bytes) {
        Reading scanned = compact.read(bytes);
        if (scanned != null) {
            return scanned;
        }
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

    /** One reading's fields as read so far; {@code seen} has a bit per field, to refuse duplicates. */
    private static final class Fields extends ReadingFields {

        private int seen;

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

        /** The constant of exactly this name, or null; a scan of a few short names beats hashing the text. */
        private static <E extends Enum<E>> E byName(List<E> constants, String name) {
            for (E constant : constants) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            return null;
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

        private <E extends Enum<E>> E constant(int bit, JsonToken token, JsonParser parser, List<E> constants)
            throws IOException {
            E constant = token == JsonToken.VALUE_STRING ? byName(constants, parser.getText()) : null;
            once(bit, constant != null || token == JsonToken.VALUE_NULL);
            return constant;
        }
    }
}
