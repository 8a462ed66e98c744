package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.transport.kafka.KafkaRejectionPublisher;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.sink.InfluxSink;
import io.parkwatch.sink.PointWriteException;
import io.parkwatch.sink.PointWriter;
import io.parkwatch.sink.SinkSettings;
import io.parkwatch.sink.influx.InfluxDatabaseAdmin;
import io.parkwatch.sink.influx.RetentionSettings;
import java.time.Clock;

/** Wires the InfluxDB sink: database check, writer, rejected-topic publisher, consumer loop. */
public final class SinkRuntime implements AutoCloseable {

    private final PointWriter writer;
    private final KafkaRejectionPublisher rejections;
    private final InfluxSink sink;

    private SinkRuntime(SinkSettings settings, InfluxTarget influx, MeterRegistry meters, Clock clock) {
        this.writer = influx.writer();
        this.rejections = KafkaRejectionPublisher.create(settings.bootstrapServers(), "parkwatch-sink-rejected",
            Topics.REJECTED);
        this.sink = new InfluxSink(settings, writer, rejections, meters, clock);
    }

    public static SinkRuntime start(String kafka, InfluxTarget influx, MeterRegistry meters, Clock clock)
            throws PointWriteException {
        return start(SinkSettings.defaults(kafka), influx, RetentionSettings.defaults(), meters, clock);
    }

    /**
     * Creates the database and its retention policies when the v1 API is used (2.x/3.x buckets
     * and their retention are set up by their admins).
     */
    public static SinkRuntime start(SinkSettings settings, InfluxTarget influx, RetentionSettings retention,
                                    MeterRegistry meters, Clock clock) throws PointWriteException {
        if ("v1".equals(influx.api())) {
            new InfluxDatabaseAdmin(influx.v1Endpoint()).ensure(retention.policies());
        }
        SinkRuntime runtime = new SinkRuntime(settings, influx, meters, clock);
        runtime.sink.start();
        return runtime;
    }

    @Override
    public void close() {
        sink.close();
        rejections.close();
        writer.close();
    }
}
