package io.parkwatch.alerts.state;

import io.parkwatch.transport.streams.StateBytes;
import io.parkwatch.transport.streams.VersionedStateSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The mean-window store's values in binary: every reading of a windowed rule reads and writes
 * one. Internal only; JSON values of earlier versions (starting with '{') are still read.
 */
public final class WindowMeanSerde extends VersionedStateSerde<WindowMean> {

    public WindowMeanSerde() {
        super(WindowMean.class, "window mean", 96);
    }

    @Override
    protected void write(DataOutputStream out, WindowMean mean) throws IOException {
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
    }

    @Override
    protected WindowMean read(DataInputStream in) throws IOException {
        return new WindowMean(StateBytes.readString(in), StateBytes.readString(in), StateBytes.readString(in),
            StateBytes.readString(in), StateBytes.readString(in), StateBytes.readString(in), in.readLong(),
            in.readLong(), in.readDouble(), in.readLong(), in.readLong());
    }
}
