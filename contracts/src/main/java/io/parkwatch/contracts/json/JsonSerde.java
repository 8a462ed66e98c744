package io.parkwatch.contracts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one contract record type. Instants are ISO-8601 strings so that topics are
 * readable with the console consumer; unknown fields are ignored so that a newer producer does
 * not break an older consumer of the same {@code .v1} topic. Bad bytes fail with a
 * {@link JsonSerdeException} that names the topic, the type and the start of the payload.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private static final int PREVIEW_BYTES = 80;

    /** One mapper for every contract type; it is thread-safe once configured. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private final Class<T> type;
    private final Function<byte[], T> fastPath;

    public JsonSerde(Class<T> type) {
        this(type, bytes -> null);
    }

    /**
     * With a faster reader for the common form of a type's records: it answers the value, or null
     * for anything it does not read exactly as databind does, which databind then reads (with the
     * contract's values and error messages).
     */
    public JsonSerde(Class<T> type, Function<byte[], T> fastPath) {
        this.type = type;
        this.fastPath = fastPath;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new JsonSerdeException("cannot write " + type.getSimpleName() + " for topic " + topic
                + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        T fast = fastPath.apply(data);
        if (fast != null) {
            return fast;
        }
        try {
            return MAPPER.readValue(data, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new JsonSerdeException("bad " + type.getSimpleName() + " JSON on topic " + topic + ": "
                + reason(e) + "; payload starts with: " + preview(data), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the mapper is fixed so that every process reads the same contract.
    }

    @Override
    public void close() {
        // Stateless: nothing to release.
    }

    private static String reason(Exception e) {
        if (e instanceof JsonProcessingException json) {
            return json.getOriginalMessage();
        }
        return e.getMessage();
    }

    private static String preview(byte[] data) {
        int length = Math.min(data.length, PREVIEW_BYTES);
        String text = new String(data, 0, length, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return "'" + text + "'" + (data.length > length ? " (" + data.length + " bytes)" : "");
    }
}
