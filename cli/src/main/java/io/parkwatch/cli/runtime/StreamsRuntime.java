package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.streams.app.StreamsApp;
import io.parkwatch.streams.app.StreamsSettings;
import io.parkwatch.streams.threshold.AlertsConfig;
import io.parkwatch.streams.threshold.AlertsTopology;
import io.parkwatch.streams.threshold.MicrometerThresholdMetrics;
import io.parkwatch.streams.windows.WindowSpec;
import io.parkwatch.streams.windows.WindowsTopology;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.Topology;

/**
 * Wires the streams processors: the windowed aggregates, and the threshold alerts as their own
 * Kafka Streams application ({@code <application id>-alerts}), so each keeps its own state and
 * can be reset or scaled on its own.
 */
public final class StreamsRuntime {

    private StreamsRuntime() {
    }

    public static AutoCloseable start(StreamsSettings settings, MeterRegistry meters) throws InterruptedException {
        return start(settings, meters, Set.of(AlertsConfig.DEFAULT_PROFILE));
    }

    public static AutoCloseable start(StreamsSettings settings, MeterRegistry meters, Set<String> ruleProfiles)
        throws InterruptedException {
        Deque<StreamsApp> started = new ArrayDeque<>();
        AutoCloseable all = () -> {
            while (!started.isEmpty()) {
                started.pop().close();
            }
        };
        try {
            started.push(startApp(WindowsTopology.build(List.of(WindowSpec.ONE_MINUTE, WindowSpec.ONE_HOUR)),
                settings, meters));
            AlertsConfig alerts = AlertsConfig.defaults(new MicrometerThresholdMetrics(meters))
                .withProfiles(ruleProfiles);
            started.push(startApp(AlertsTopology.build(alerts), new StreamsSettings(settings.applicationId() + "-alerts",
                settings.bootstrapServers(), settings.stateDir(), settings.threads(), settings.replicationFactor(),
                settings.commitInterval()), meters));
        } catch (InterruptedException | RuntimeException e) {
            try {
                all.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return all;
    }

    private static StreamsApp startApp(Topology topology, StreamsSettings settings,
                                       MeterRegistry meters) throws InterruptedException {
        StreamsApp app = new StreamsApp(topology, settings, meters);
        try {
            app.start(Duration.ofSeconds(120));
        } catch (InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }
}
