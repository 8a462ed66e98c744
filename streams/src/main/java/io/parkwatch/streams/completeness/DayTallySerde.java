package io.parkwatch.streams.completeness;

import io.parkwatch.transport.streams.VersionedStateSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;

/**
 * {@link DayTally} in binary: the point stage reads a point's tally for each of its readings, and
 * a day of 2-second slots is 43,200 bits, which JSON writes as hundreds of decimal numbers.
 */
public final class DayTallySerde extends VersionedStateSerde<DayTally> {

    public DayTallySerde() {
        super(DayTally.class, "day tally", 256);
    }

    @Override
    protected void write(DataOutputStream out, DayTally tally) throws IOException {
        out.writeUTF(tally.pointKey());
        out.writeUTF(tally.park());
        out.writeLong(tally.day().toEpochDay());
        out.writeLong(tally.intervalMillis());
        writeLongs(out, tally.received());
        writeLongs(out, tally.flagged());
        out.writeBoolean(tally.dirty());
    }

    @Override
    protected DayTally read(DataInputStream in) throws IOException {
        String pointKey = in.readUTF();
        String park = in.readUTF();
        LocalDate day = LocalDate.ofEpochDay(in.readLong());
        long interval = in.readLong();
        long[] received = readLongs(in);
        long[] flagged = readLongs(in);
        return new DayTally(pointKey, park, day, interval, received, flagged, in.readBoolean());
    }

    private static void writeLongs(DataOutputStream out, long[] words) throws IOException {
        out.writeInt(words.length);
        for (long word : words) {
            out.writeLong(word);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available() / Long.BYTES) {
            throw new IOException("slot bitmap of " + length + " words");
        }
        long[] words = new long[length];
        for (int i = 0; i < length; i++) {
            words[i] = in.readLong();
        }
        return words;
    }
}
