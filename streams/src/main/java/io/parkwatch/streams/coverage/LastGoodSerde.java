package io.parkwatch.streams.coverage;

import io.parkwatch.transport.streams.StateBytes;
import io.parkwatch.transport.streams.VersionedStateSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The point stage's {@link LastGood} in binary: every good reading reads and writes one. */
final class LastGoodSerde extends VersionedStateSerde<LastGood> {

    LastGoodSerde() {
        super(LastGood.class, "last good reading", 48);
    }

    @Override
    protected void write(DataOutputStream out, LastGood value) throws IOException {
        out.writeUTF(value.park());
        StateBytes.writeInstant(out, value.at());
        StateBytes.writeInstant(out, value.sent());
    }

    @Override
    protected LastGood read(DataInputStream in) throws IOException {
        return new LastGood(in.readUTF(), StateBytes.readInstant(in), StateBytes.readInstant(in));
    }
}
