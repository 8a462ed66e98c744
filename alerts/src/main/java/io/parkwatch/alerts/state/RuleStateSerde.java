package io.parkwatch.alerts.state;

import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.transport.streams.StateBytes;
import io.parkwatch.transport.streams.VersionedStateSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The alert state store's values in a compact binary form: the store and its changelog are
 * internal (the public topics stay JSON), and every alert step reads and writes one, where
 * Jackson with ISO instants cost more than the judging itself. A leading version byte tells
 * them from the JSON states of earlier versions, which are still read (they start with '{').
 */
public final class RuleStateSerde extends VersionedStateSerde<RuleState> {

    public RuleStateSerde() {
        super(RuleState.class, "alert state", 128);
    }

    @Override
    protected void write(DataOutputStream out, RuleState state) throws IOException {
        writeOpen(out, state.open());
        writeInstants(out, state.pendingSince());
        StateBytes.writeInstant(out, state.lastAssessedAt());
        out.writeInt(state.lastValues().size());
        for (Map.Entry<String, RuleState.LastValue> entry : state.lastValues().entrySet()) {
            out.writeUTF(entry.getKey());
            AlertStateBytes.writeLastValue(out, entry.getValue());
        }
        out.writeInt(state.flagged().size());
        for (Map.Entry<String, Severity> entry : state.flagged().entrySet()) {
            out.writeUTF(entry.getKey());
            AlertStateBytes.writeSeverity(out, entry.getValue());
        }
        writeAssessment(out, state.holding());
    }

    @Override
    protected RuleState read(DataInputStream in) throws IOException {
        OpenAlert open = readOpen(in);
        Map<Severity, Instant> pending = readInstants(in);
        Instant lastAssessedAt = StateBytes.readInstant(in);
        Map<String, RuleState.LastValue> lastValues = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            lastValues.put(in.readUTF(), AlertStateBytes.readLastValue(in));
        }
        Map<String, Severity> flagged = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            flagged.put(in.readUTF(), AlertStateBytes.readSeverity(in));
        }
        return new RuleState(open, pending, lastAssessedAt, lastValues, flagged, readAssessment(in));
    }

    private static void writeOpen(DataOutputStream out, OpenAlert open) throws IOException {
        out.writeBoolean(open != null);
        if (open == null) {
            return;
        }
        out.writeUTF(open.alertId());
        AlertStateBytes.writeSeverity(out, open.severity());
        StateBytes.writeInstant(out, open.firstSeen());
        StateBytes.writeInstant(out, open.lastSeen());
        StateBytes.writeDouble(out, open.peak());
        out.writeLong(open.occurrences());
        out.writeBoolean(open.acknowledged());
        StateBytes.writeInstant(out, open.lastEventAt());
        StateBytes.writeString(out, open.metric());
        StateBytes.writeDouble(out, open.value());
        StateBytes.writeDouble(out, open.limit());
    }

    private static OpenAlert readOpen(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new OpenAlert(in.readUTF(), AlertStateBytes.readSeverity(in), StateBytes.readInstant(in),
            StateBytes.readInstant(in), StateBytes.readDouble(in), in.readLong(), in.readBoolean(),
            StateBytes.readInstant(in), StateBytes.readString(in), StateBytes.readDouble(in),
            StateBytes.readDouble(in));
    }

    private static void writeAssessment(DataOutputStream out, Assessment assessment) throws IOException {
        out.writeBoolean(assessment != null);
        if (assessment == null) {
            return;
        }
        AlertStateBytes.writeSeverity(out, assessment.level());
        StateBytes.writeDouble(out, assessment.value());
        StateBytes.writeString(out, assessment.detail());
        StateBytes.writeString(out, assessment.metric());
        out.writeInt(assessment.limits().size());
        for (Map.Entry<Severity, Double> limit : assessment.limits().entrySet()) {
            AlertStateBytes.writeSeverity(out, limit.getKey());
            StateBytes.writeDouble(out, limit.getValue());
        }
    }

    private static Assessment readAssessment(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Severity level = AlertStateBytes.readSeverity(in);
        Double value = StateBytes.readDouble(in);
        String detail = StateBytes.readString(in);
        String metric = StateBytes.readString(in);
        Map<Severity, Double> limits = new EnumMap<>(Severity.class);
        for (int n = in.readInt(); n > 0; n--) {
            limits.put(AlertStateBytes.readSeverity(in), StateBytes.readDouble(in));
        }
        return new Assessment(level, value, detail, metric, limits);
    }

    private static void writeInstants(DataOutputStream out, Map<Severity, Instant> instants) throws IOException {
        out.writeInt(instants.size());
        for (Map.Entry<Severity, Instant> entry : instants.entrySet()) {
            AlertStateBytes.writeSeverity(out, entry.getKey());
            StateBytes.writeInstant(out, entry.getValue());
        }
    }

    private static Map<Severity, Instant> readInstants(DataInputStream in) throws IOException {
        Map<Severity, Instant> instants = new EnumMap<>(Severity.class);
        for (int n = in.readInt(); n > 0; n--) {
            instants.put(AlertStateBytes.readSeverity(in), StateBytes.readInstant(in));
        }
        return instants;
    }
}
