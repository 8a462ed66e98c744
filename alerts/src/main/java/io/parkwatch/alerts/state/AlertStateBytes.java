package io.parkwatch.alerts.state;

import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.transport.streams.StateBytes;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The alert engine's own fields in the binary state serdes. Severities go by name, so that reordering the enum never misreads a stored state. */
final class AlertStateBytes {

    private AlertStateBytes() {
    }

    static void writeSeverity(DataOutputStream out, Severity value) throws IOException {
        StateBytes.writeString(out, value == null ? null : value.name());
    }

    static Severity readSeverity(DataInputStream in) throws IOException {
        String name = StateBytes.readString(in);
        return name == null ? null : Severity.valueOf(name);
    }

    /** A remembered value and its time: the O₂ memory's values and the lags of rate-of-change rules. */
    static void writeLastValue(DataOutputStream out, RuleState.LastValue value) throws IOException {
        out.writeDouble(value.value());
        StateBytes.writeInstant(out, value.at());
    }

    static RuleState.LastValue readLastValue(DataInputStream in) throws IOException {
        double value = in.readDouble();
        return new RuleState.LastValue(value, StateBytes.readInstant(in));
    }
}
