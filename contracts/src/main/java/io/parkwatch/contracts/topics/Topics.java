package io.parkwatch.contracts.topics;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.permit.PermitRecord;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.ReadingJsonReader;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rules.RulePackRecord;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of parkwatch's Kafka topics. Names carry a version: a breaking change of a
 * value's shape gets a new topic, never a silent reinterpretation of an old one.
 */
public final class Topics {

    /** Canonical readings, keyed by point ({@code park/enterprise/point}). */
    public static final TopicSpec<String, Reading> READINGS = new TopicSpec<>("parkwatch.readings.v1",
        Serdes.String(), new JsonSerde<>(Reading.class, new ReadingJsonReader()::read), false);

    /** Refused input with raw bytes and reason, keyed by source enterprise (or topic when unknown). */
    public static final TopicSpec<String, Rejection> REJECTED =
        topic("parkwatch.rejected.v1", Rejection.class, false);

    /** What must report: one record per enterprise and point; tombstones remove them. */
    public static final TopicSpec<String, RegistryRecord> REGISTRY =
        topic("parkwatch.registry.v1", RegistryRecord.class, true);

    /** Windowed statistics per point and metric, keyed by {@code point|metric|window|start}. */
    public static final TopicSpec<String, Aggregate> AGGREGATES =
        topic("parkwatch.aggregates.v1", Aggregate.class, false);

    /** Coverage per park x module x class, keyed by {@code park|module|class}; latest wins. */
    public static final TopicSpec<String, CoverageRow> COVERAGE =
        topic("parkwatch.coverage.v1", CoverageRow.class, true);

    /** Alert lifecycle events, keyed by alert id. */
    public static final TopicSpec<String, AlertEvent> ALERTS =
        topic("parkwatch.alerts.v1", AlertEvent.class, false);

    /**
     * Daily data completeness per point, enterprise and park, keyed by {@link CompletenessRow#key()}
     * ({@code park/enterprise/point|day}, {@code park/enterprise|day}, {@code park|day}); latest wins.
     */
    public static final TopicSpec<String, CompletenessRow> COMPLETENESS =
        topic("parkwatch.completeness.v1", CompletenessRow.class, true);

    /** Threshold rule packs, keyed by pack name; the alerts topology reloads them at run time. */
    public static final TopicSpec<String, RulePackRecord> RULES =
        topic("parkwatch.rules.v1", RulePackRecord.class, true);

    /**
     * Emission permits, keyed by {@code park/enterprise}: the permit as its file was written. Its
     * limits reach the alerts topology as the rule pack {@code permit.park.enterprise} on {@link #RULES}.
     */
    public static final TopicSpec<String, PermitRecord> PERMITS =
        topic("parkwatch.permits.v1", PermitRecord.class, true);

    /**
     * Operators' commands on alerts (acknowledge), keyed by alert id. Needs as many partitions as
     * the readings topic: the topology re-keys commands by point to meet the alert's state.
     */
    public static final TopicSpec<String, AlertCommand> ALERT_COMMANDS =
        topic("parkwatch.alert-commands.v1", AlertCommand.class, false);

    /** Every topic, for creating them at start-up and for documentation. */
    public static final List<TopicSpec<?, ?>> ALL =
        List.of(READINGS, REJECTED, REGISTRY, AGGREGATES, COVERAGE, ALERTS, COMPLETENESS, RULES, ALERT_COMMANDS,
            PERMITS);

    private Topics() {
    }

    private static <V> TopicSpec<String, V> topic(String name, Class<V> type, boolean compacted) {
        Serde<String> keys = Serdes.String();
        return new TopicSpec<>(name, keys, new JsonSerde<>(type), compacted);
    }
}
