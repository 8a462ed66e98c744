package io.parkwatch.sink;

import com.influxdb.client.write.Point;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a consumed record with its topic's serde and maps it to a point. A record that cannot
 * be read becomes a rejection with its raw bytes instead of stopping the sink.
 */
final class SinkRecordDecoder {

    private final Map<String, Function<byte[], Point>> mappings = Map.of(
        Topics.READINGS.name(), readings(),
        Topics.AGGREGATES.name(), mapping(Topics.AGGREGATES, PointMapping::aggregate),
        Topics.COVERAGE.name(), mapping(Topics.COVERAGE, CoveragePoints::coverage),
        Topics.COMPLETENESS.name(), mapping(Topics.COMPLETENESS, CoveragePoints::completeness),
        Topics.ALERTS.name(), mapping(Topics.ALERTS, AlertPoints::of));
    private final Clock clock;

    SinkRecordDecoder(Clock clock) {
        this.clock = clock;
    }

    List<String> topics() {
        return List.copyOf(mappings.keySet());
    }

    /** The point, or null for a tombstone. */
    Point decode(ConsumerRecord<String, byte[]> record) throws UnreadableRecordException {
        if (record.value() == null) {
            return null;
        }
        try {
            return mappings.get(record.topic()).apply(record.value());
        } catch (RuntimeException | StackOverflowError e) {
            // Any failure to map one record is that record's: it must not stop the sink, which
            // would meet the same record again at every restart.
            throw new UnreadableRecordException(UnreadableRecords.rejection("sink", record.topic(),
                record.partition(), record.offset(), null, record.value(), e, clock));
        }
    }

    /**
     * Readings, the bulk of the load, through the topic's own serde: it reads them with the
     * streaming {@code ReadingJsonReader} and leaves only the rest to databind.
     */
    private static Function<byte[], Point> readings() {
        Deserializer<Reading> serde = Topics.READINGS.valueSerde().deserializer();
        return bytes -> PointMapping.reading(serde.deserialize(Topics.READINGS.name(), bytes));
    }

    private static <V> Function<byte[], Point> mapping(TopicSpec<String, V> topic, Function<V, Point> toPoint) {
        ContractJsonReader<V> reader = new ContractJsonReader<>(topic);
        return bytes -> toPoint.apply(reader.read(bytes));
    }

    /** Carries the rejection of a record the sink cannot read. */
    static final class UnreadableRecordException extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient Rejection rejection;

        UnreadableRecordException(Rejection rejection) {
            super(rejection.detail(), null, false, false);
            this.rejection = rejection;
        }

        Rejection rejection() {
            return rejection;
        }
    }
}
