package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.alerts.topology.AlertsConfig;
import io.parkwatch.alerts.topology.MicrometerThresholdMetrics;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.streams.windows.WindowsTopology;
import io.parkwatch.streams.windows.WindowSpec;
import io.parkwatch.transport.kafka.KafkaReachability;
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import io.parkwatch.transport.health.Health;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the streams processors as two Kafka Streams applications: the windowed aggregates as
 * {@code <application.id>}, committing every {@link WindowsTopology#COMMIT_INTERVAL} so that its
 * record cache collapses a window's updates; coverage (with data gaps and completeness) and the
 * threshold alerts ({@link StreamsTopology}) as {@code <application.id>-alerts}, committing at the
 * settings' short interval, which bounds how late an alert can be. Each keeps its own state, group
 * and offsets; a rebalance, restore or reset of one never stalls the other.
 */
public final class StreamsRuntime implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Deque<StreamsApp> apps = new ArrayDeque<>();
    private final Map<String, StreamsApp> byId = new LinkedHashMap<>();

    private final StreamsSettings settings;
    private KafkaReachability kafkaReachable;

    private StreamsRuntime(StreamsSettings settings) {
        this.settings = settings;
    }

    public static StreamsRuntime start(StreamsSettings settings, MeterRegistry meters) throws InterruptedException {
        return start(settings, CoverageConfig.defaults(), Set.of(AlertsConfig.DEFAULT_PROFILE), meters);
    }

    public static StreamsRuntime start(StreamsSettings settings, CoverageConfig coverage, Set<String> ruleProfiles,
                                       MeterRegistry meters) throws InterruptedException {
        StreamsRuntime runtime = new StreamsRuntime(settings);
        try {
            runtime.run(settings, new StreamsApp(WindowsTopology.build(List.of(WindowSpec.ONE_MINUTE,
                WindowSpec.ONE_HOUR)), settings, WindowsTopology.STREAMS_OVERRIDES, meters));
            AlertsConfig alerts = AlertsConfig.defaults(new MicrometerThresholdMetrics(meters)).withProfiles(ruleProfiles);
            StreamsSettings live = settings.forApplication("alerts");
            runtime.run(live, new StreamsApp(StreamsTopology.coverageAndAlerts(coverage, alerts), live,
                StreamsTopology.STREAMS_OVERRIDES, meters));
        } catch (InterruptedException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private void run(StreamsSettings settings, StreamsApp app) throws InterruptedException {
        apps.push(app);
        byId.put(settings.applicationId(), app);
        app.start(START_TIMEOUT);
    }

    /**
     * Per application: ready by its state ({@link StreamsStateCheck}), live unless it stopped in
     * error; and ready only while the cluster answers, because an application stays RUNNING while
     * every broker is down.
     */
    public void registerHealth(Health health, Clock clock) {
        if (kafkaReachable == null) {
            kafkaReachable = KafkaReachability.of(settings.kafka(), settings.applicationId() + "-health", clock);
            health.addReady(kafkaReachable);
        }
        byId.forEach((id, app) -> {
            health.addLive(StreamsStateCheck.live(id, app::state));
            health.addReady(new StreamsStateCheck(id, app::state, clock));
        });
    }

    @Override
    public void close() {
        while (!apps.isEmpty()) {
            apps.pop().close();
        }
        if (kafkaReachable != null) {
            kafkaReachable.close();
        }
    }
}
