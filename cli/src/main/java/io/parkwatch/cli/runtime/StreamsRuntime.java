package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.streams.app.StreamsApp;
import io.parkwatch.streams.app.StreamsSettings;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.streams.coverage.CoverageTopology;
import io.parkwatch.streams.windows.WindowSpec;
import io.parkwatch.streams.windows.WindowsTopology;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Wires the streams processors: the windowed aggregates, and coverage (with data gaps and
 * completeness) as a second Kafka Streams application, {@code <application.id>-coverage}. Kept
 * apart because its park stage is one partition with wall-clock punctuations and a global
 * registry store: its own group means its rebalances, restores and resets (replaying coverage
 * after a config change) never stall or touch the windows, at the cost of reading the readings
 * topic twice.
 */
public final class StreamsRuntime implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Deque<StreamsApp> apps = new ArrayDeque<>();

    private StreamsRuntime() {
    }

    public static StreamsRuntime start(StreamsSettings settings, MeterRegistry meters) throws InterruptedException {
        return start(settings, CoverageConfig.defaults(), meters);
    }

    public static StreamsRuntime start(StreamsSettings settings, CoverageConfig coverage, MeterRegistry meters)
            throws InterruptedException {
        StreamsRuntime runtime = new StreamsRuntime();
        try {
            runtime.run(new StreamsApp(WindowsTopology.build(List.of(WindowSpec.ONE_MINUTE, WindowSpec.ONE_HOUR)),
                settings, meters));
            runtime.run(new StreamsApp(CoverageTopology.build(coverage), settings.forApplication("coverage"), meters));
        } catch (InterruptedException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private void run(StreamsApp app) throws InterruptedException {
        apps.push(app);
        app.start(START_TIMEOUT);
    }

    @Override
    public void close() {
        while (!apps.isEmpty()) {
            apps.pop().close();
        }
    }
}
