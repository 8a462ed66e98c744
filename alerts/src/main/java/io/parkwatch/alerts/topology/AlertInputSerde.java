package io.parkwatch.alerts.topology;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.reading.Reading;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The alert inputs on one repartition topic. Each topic carries one kind, so the topic tells
 * what a record is; the JSON stays the envelope these topics have always held
 * ({@code {"reading":…,"command":…,"forEnterprise":…}}), so records in flight across an
 * upgrade still read.
 */
final class AlertInputSerde implements Serde<AlertInput>, Serializer<AlertInput>, Deserializer<AlertInput> {

    /** The JSON layout of the repartition topics; field order is the wire order. */
    record Envelope(Reading reading, AlertCommand command, boolean forEnterprise) {
    }

    private static final JsonSerde<Envelope> JSON = new JsonSerde<>(Envelope.class);

    private final Function<Envelope, AlertInput> kind;

    private AlertInputSerde(Function<Envelope, AlertInput> kind) {
        this.kind = kind;
    }

    /** For the topic of readings re-keyed by enterprise. */
    static AlertInputSerde enterpriseReadings() {
        return new AlertInputSerde(envelope -> new AlertInput.EnterpriseReading(envelope.reading()));
    }

    /** For the topic of operators' commands re-keyed by point. */
    static AlertInputSerde commands() {
        return new AlertInputSerde(envelope -> new AlertInput.OperatorCommand(envelope.command()));
    }

    static Envelope envelope(AlertInput input) {
        if (input instanceof AlertInput.PointReading point) {
            return new Envelope(point.reading(), null, false);
        }
        if (input instanceof AlertInput.EnterpriseReading enterprise) {
            return new Envelope(enterprise.reading(), null, true);
        }
        return new Envelope(null, ((AlertInput.OperatorCommand) input).command(), false);
    }

    @Override
    public byte[] serialize(String topic, AlertInput input) {
        return input == null ? null : JSON.serialize(topic, envelope(input));
    }

    @Override
    public AlertInput deserialize(String topic, byte[] data) {
        Envelope envelope = JSON.deserialize(topic, data);
        return envelope == null ? null : kind.apply(envelope);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: one fixed layout.
    }

    @Override
    public void close() {
        // Stateless: nothing to release.
    }

    @Override
    public Serializer<AlertInput> serializer() {
        return this;
    }

    @Override
    public Deserializer<AlertInput> deserializer() {
        return this;
    }
}
