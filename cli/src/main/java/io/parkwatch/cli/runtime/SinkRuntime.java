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
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthCheck;
import io.parkwatch.transport.kafka.KafkaReachability;
import java.time.Clock;
import java.time.Duration;

/** Wires the InfluxDB sink: database check, writer, rejected-topic publisher, consumer loop. */
public final class SinkRuntime implements AutoCloseable {

    /**
     * Records behind at most, for ready: about a minute of a large park's readings, and 20 of the
     * sink's batches; beyond it the sink falls behind rather than catches up.
     */
    public static final long MAX_LAG = 100_000;

    private final PointWriter writer;
    private final KafkaRejectionPublisher rejections;
    private final InfluxSink sink;
    private final ConsumerLag lag;
    private final InfluxPing ping;
    private final KafkaReachability kafkaReachable;

    private SinkRuntime(SinkSettings settings, InfluxTarget influx, MeterRegistry meters, Clock clock) {
        this.lag = new ConsumerLag(settings.kafka(), settings.groupId(), clock);
        this.kafkaReachable = KafkaReachability.of(settings.kafka(), settings.groupId() + "-health", clock);
        this.ping = new InfluxPing(influx.url(), clock);
        this.writer = influx.writer();
        this.rejections = KafkaRejectionPublisher.create(settings.kafka(), "parkwatch-sink-rejected",
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

    /** The sink's consumer group lag, as the demo's status line shows it. */
    public ConsumerLag lag() {
        return lag;
    }

    /**
     * Live needs the consumer thread (it ends only on a failure it cannot retry, and nothing
     * restarts it but a restart of the process); ready needs InfluxDB answering and taking writes,
     * and the lag within {@link #MAX_LAG}.
     */
    public void registerHealth(Health health) {
        health.addReady(kafkaReachable);
        health.addLive(HealthCheck.of("sink.consumer", () -> sink.running()
            ? HealthCheck.Verdict.up("consumer thread running")
            : HealthCheck.Verdict.down("the sink's consumer thread has ended; see the log")));
        HealthCheck writes = sink.influxWrites().check("influxdb.writes", "InfluxDB writes", Duration.ZERO);
        health.addReady(HealthCheck.of("influxdb", () -> {
            HealthCheck.Verdict written = writes.check();
            HealthCheck.Verdict answers = ping.current();
            if (!written.up()) {
                return written;
            }
            return answers.up() ? HealthCheck.Verdict.up(answers.detail() + "; " + written.detail()) : answers;
        }));
        health.addReady(HealthCheck.of("sink.lag", () -> {
            ConsumerLag.Lag now = lag.current();
            if (!now.known()) {
                return HealthCheck.Verdict.down("lag unknown: " + now.error());
            }
            String detail = now.records() + " records behind (bound " + MAX_LAG + ")";
            return now.records() <= MAX_LAG ? HealthCheck.Verdict.up(detail) : HealthCheck.Verdict.down(detail);
        }));
    }

    @Override
    public void close() {
        lag.close();
        kafkaReachable.close();
        sink.close();
        rejections.close();
        writer.close();
    }
}
