package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.streams.app.StreamsApp;
import io.parkwatch.streams.app.StreamsSettings;
import io.parkwatch.streams.windows.WindowSpec;
import io.parkwatch.streams.windows.WindowsTopology;
import java.time.Duration;
import java.util.List;

/** Wires the streams processors: today the windowed aggregates. */
public final class StreamsRuntime {

    private StreamsRuntime() {
    }

    public static StreamsApp start(StreamsSettings settings, MeterRegistry meters) throws InterruptedException {
        StreamsApp app = new StreamsApp(WindowsTopology.build(List.of(WindowSpec.ONE_MINUTE, WindowSpec.ONE_HOUR)),
            settings, meters);
        try {
            app.start(Duration.ofSeconds(120));
        } catch (InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }
}
