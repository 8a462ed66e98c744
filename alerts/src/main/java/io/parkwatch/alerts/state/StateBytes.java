package io.parkwatch.alerts.state;

import io.parkwatch.contracts.alert.Severity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * The nullable fields of the binary state serdes: a presence byte, then the value. Severities go
 * by name, so that reordering the enum never misreads a stored state.
 */
final class StateBytes {

    private StateBytes() {
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static void writeDouble(DataOutputStream out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    static Double readDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    static void writeSeverity(DataOutputStream out, Severity value) throws IOException {
        writeString(out, value == null ? null : value.name());
    }

    static Severity readSeverity(DataInputStream in) throws IOException {
        String name = readString(in);
        return name == null ? null : Severity.valueOf(name);
    }

    /** A remembered value and its time: the O₂ memory's values and the lags of rate-of-change rules. */
    static void writeLastValue(DataOutputStream out, RuleState.LastValue value) throws IOException {
        out.writeDouble(value.value());
        writeInstant(out, value.at());
    }

    static RuleState.LastValue readLastValue(DataInputStream in) throws IOException {
        double value = in.readDouble();
        return new RuleState.LastValue(value, readInstant(in));
    }
}
