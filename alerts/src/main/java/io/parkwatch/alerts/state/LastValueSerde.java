package io.parkwatch.alerts.state;

import io.parkwatch.transport.streams.VersionedStateSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The O₂ memory's values in binary (its JSON, read through databind, was a tenth of the alerts stream thread). */
public final class LastValueSerde extends VersionedStateSerde<RuleState.LastValue> {

    public LastValueSerde() {
        super(RuleState.LastValue.class, "last O2 value", 24);
    }

    @Override
    protected void write(DataOutputStream out, RuleState.LastValue last) throws IOException {
        AlertStateBytes.writeLastValue(out, last);
    }

    @Override
    protected RuleState.LastValue read(DataInputStream in) throws IOException {
        return AlertStateBytes.readLastValue(in);
    }
}
