package io.parkwatch.streams.windows;

import io.parkwatch.contracts.reading.Domain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link PointWindow} in a compact binary layout behind a version byte: the window stores and
 * their changelogs are internal, and every update of a window reads and writes its value.
 */
public final class PointWindowSerde implements Serde<PointWindow>, Serializer<PointWindow>,
    Deserializer<PointWindow> {

    private static final byte VERSION = 1;

    @Override
    public byte[] serialize(String topic, PointWindow window) {
        if (window == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 48 * window.metrics().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeShort(window.metrics().size());
            for (WindowStats stats : window.metrics()) {
                write(out, stats);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public PointWindow deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("point window of unknown version " + version + " in " + topic);
            }
            int size = in.readUnsignedShort();
            List<WindowStats> metrics = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                metrics.add(read(in));
            }
            return new PointWindow(metrics);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("unreadable point window in " + topic + ": " + e, e);
        }
    }

    private static void write(DataOutputStream out, WindowStats stats) throws IOException {
        out.writeUTF(stats.park());
        out.writeUTF(stats.enterprise());
        out.writeUTF(stats.point());
        writeNullable(out, stats.domain() == null ? null : stats.domain().name());
        out.writeUTF(stats.metric());
        writeNullable(out, stats.unit());
        out.writeLong(stats.count());
        out.writeLong(stats.goodCount());
        out.writeDouble(stats.sum());
        out.writeDouble(stats.min());
        out.writeDouble(stats.max());
    }

    private static WindowStats read(DataInputStream in) throws IOException {
        String park = in.readUTF();
        String enterprise = in.readUTF();
        String point = in.readUTF();
        String domain = readNullable(in);
        String metric = in.readUTF();
        String unit = readNullable(in);
        return new WindowStats(park, enterprise, point, domain == null ? null : Domain.valueOf(domain), metric,
            unit, in.readLong(), in.readLong(), in.readDouble(), in.readDouble(),
            in.readDouble());
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public Serializer<PointWindow> serializer() {
        return this;
    }

    @Override
    public Deserializer<PointWindow> deserializer() {
        return this;
    }
}
