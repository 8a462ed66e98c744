package io.parkwatch.transport.streams;

import io.parkwatch.contracts.json.JsonSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A state store value in a compact binary layout behind a version byte: a store's value is read
 * and written on every update, and JSON costs far more than the record's own work. The stores and
 * their changelogs are internal (the public topics stay JSON), and JSON values written by earlier
 * versions, which start with '{', are still read. {@link StateBytes} writes the nullable fields.
 */
public abstract class VersionedStateSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private static final byte VERSION = 1;
    private static final byte JSON_START = '{';

    private final JsonSerde<T> json;
    private final String what;
    private final int sizeHint;

    protected VersionedStateSerde(Class<T> type, String what, int sizeHint) {
        this.json = new JsonSerde<>(type);
        this.what = what;
        this.sizeHint = sizeHint;
    }

    protected abstract void write(DataOutputStream out, T value) throws IOException;

    protected abstract T read(DataInputStream in) throws IOException;

    @Override
    public final byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            return json.deserialize(topic, data);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException(what + " of unknown version " + version + " in " + topic);
            }
            return read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("unreadable " + what + " in " + topic + ": " + e, e);
        }
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: one fixed layout.
    }

    @Override
    public final void close() {
        // Stateless: nothing to release.
    }
}
