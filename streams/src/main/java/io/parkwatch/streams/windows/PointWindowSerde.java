package io.parkwatch.streams.windows;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.transport.streams.StateBytes;
import io.parkwatch.transport.streams.VersionedStateSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PointWindow} in binary: the window stores and their changelogs are internal, and every
 * update of a window reads and writes its value.
 */
public final class PointWindowSerde extends VersionedStateSerde<PointWindow> {

    public PointWindowSerde() {
        super(PointWindow.class, "point window", 256);
    }

    @Override
    protected void write(DataOutputStream out, PointWindow window) throws IOException {
        out.writeShort(window.metrics().size());
        for (WindowStats stats : window.metrics()) {
            out.writeUTF(stats.park());
            out.writeUTF(stats.enterprise());
            out.writeUTF(stats.point());
            StateBytes.writeString(out, stats.domain() == null ? null : stats.domain().name());
            out.writeUTF(stats.metric());
            StateBytes.writeString(out, stats.unit());
            out.writeLong(stats.count());
            out.writeLong(stats.goodCount());
            out.writeDouble(stats.sum());
            out.writeDouble(stats.min());
            out.writeDouble(stats.max());
        }
    }

    @Override
    protected PointWindow read(DataInputStream in) throws IOException {
        int size = in.readUnsignedShort();
        List<WindowStats> metrics = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String park = in.readUTF();
            String enterprise = in.readUTF();
            String point = in.readUTF();
            String domain = StateBytes.readString(in);
            String metric = in.readUTF();
            String unit = StateBytes.readString(in);
            metrics.add(new WindowStats(park, enterprise, point, domain == null ? null : Domain.valueOf(domain),
                metric, unit, in.readLong(), in.readLong(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        return new PointWindow(metrics);
    }
}
