package io.parkwatch.alerts.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The O₂ memory's values in binary (its JSON, read through databind, was a tenth of the alerts stream thread). */
public final class LastValueSerde extends VersionedStateSerde<RuleState.LastValue> {

    public LastValueSerde() {
        super(RuleState.LastValue.class, "last O2 value", 24);
    }

    @Override
    void write(DataOutputStream out, RuleState.LastValue last) throws IOException {
        StateBytes.writeLastValue(out, last);
    }

    @Override
    RuleState.LastValue read(DataInputStream in) throws IOException {
        return StateBytes.readLastValue(in);
    }
}
