package io.parkwatch.contracts.json;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that are not the JSON of the expected record; the message says which topic and type. */
public final class JsonSerdeException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public JsonSerdeException(String message, Throwable cause) {
        super(message, cause);
    }
}
