package io.parkwatch.streams.threshold;

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
 * The mean-window store's values in binary: every reading of a windowed rule reads and writes
 * one. Internal only; JSON values of earlier versions (starting with '{') are still read.
 */
final class WindowMeanSerde implements Serde<WindowMean>, Serializer<WindowMean>, Deserializer<WindowMean> {

    private static final byte VERSION = 1;
    private static final byte JSON_START = '{';

    private final JsonSerde<WindowMean> json = new JsonSerde<>(WindowMean.class);

    @Override
    public byte[] serialize(String topic, WindowMean mean) {
        if (mean == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            StateBytes.writeString(out, mean.park());
            StateBytes.writeString(out, mean.enterprise());
            StateBytes.writeString(out, mean.pointKey());
            StateBytes.writeString(out, mean.ruleId());
            StateBytes.writeString(out, mean.metric());
            StateBytes.writeString(out, mean.unit());
            out.writeLong(mean.start());
            out.writeLong(mean.end());
            out.writeDouble(mean.sum());
            out.writeLong(mean.count());
            out.writeLong(mean.goodCount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public WindowMean deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            return json.deserialize(topic, data);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("window mean of unknown version " + version + " in " + topic);
            }
            return new WindowMean(StateBytes.readString(in), StateBytes.readString(in), StateBytes.readString(in),
                StateBytes.readString(in), StateBytes.readString(in), StateBytes.readString(in), in.readLong(),
                in.readLong(), in.readDouble(), in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new SerializationException("unreadable window mean in " + topic + ": " + e, e);
        }
    }

    @Override
    public Serializer<WindowMean> serializer() {
        return this;
    }

    @Override
    public Deserializer<WindowMean> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: one fixed layout.
    }

    @Override
    public void close() {
        // Stateless: nothing to release.
    }
}
