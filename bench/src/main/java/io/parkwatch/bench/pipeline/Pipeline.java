package io.parkwatch.bench.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.transport.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * parkwatch's own processes as {@code parkwatch ingest}, {@code streams} and {@code sink} wire
 * them, in this JVM: the two streams applications (the windows, committing every 15 s; coverage
 * with the alerts, every 200 ms; both exactly-once), the InfluxDB sink and the gateway. The gateway's session ends with its connection, so
 * that a later baseline's subscriber has the shared group to itself.
 */
final class Pipeline implements AutoCloseable {

    static final String DATABASE = "parkwatch";
    static final String SINK_WRITTEN = "parkwatch.sink.points.written";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private StreamsRuntime streams;
    private SinkRuntime sink;
    private GatewayRuntime gateway;

    static Pipeline start(String kafka, String mqtt, String influx, FieldLoad load, Path dir) throws Exception {
        Pipeline pipeline = new Pipeline();
        try {
            pipeline.streams = StreamsRuntime.start(new StreamsSettings("bench-pipeline", kafka,
                Files.createDirectories(dir.resolve("streams")), 1, 1, StreamsSettings.DEFAULT_COMMIT_INTERVAL), pipeline.meters);
            pipeline.sink = SinkRuntime.start(kafka, InfluxTarget.v1(influx, DATABASE), pipeline.meters,
                Clock.systemUTC());
            pipeline.gateway = GatewayRuntime.start(kafka, new MqttSubscriptionSettings(mqtt, FieldLoad.GATEWAY_USER,
                    load.password(), "bench-pipeline-gateway", ParkAccounts.GATEWAY_GROUP, "parks/#", 1000, 0),
                RegistryView.of(load.registry().points()), pipeline.meters, Clock.systemUTC());
        } catch (Exception e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    long sinkWritten() {
        return (long) meters.counter(SINK_WRITTEN).count();
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (streams != null) {
            streams.close();
        }
    }
}
