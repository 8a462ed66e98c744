package io.parkwatch.bench.stages;

import io.parkwatch.bench.PhaseResult;
import io.parkwatch.sink.SinkSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sink benchmark's raw writer for other benchmarks: {@code count} flue-gas readings as line
 * protocol in the sink's batch size, POSTed one batch after another to a database of its own.
 * The bodies are built before the clock starts: the figure is influxd's intake.
 */
public final class InfluxBaseline {

    private InfluxBaseline() {
    }

    public static PhaseResult run(String influxUrl, String database, int count) throws Exception {
        RawInfluxWriter writer = new RawInfluxWriter(influxUrl);
        writer.query(database, "CREATE DATABASE \"" + database + "\"");
        List<String> bodies = RawInfluxWriter.bodies(SinkLoad.of(count, 1000, Instant.now()).readings(),
            SinkSettings.defaults("unused").maxBatchPoints());
        long start = System.nanoTime();
        for (String body : bodies) {
            writer.write(database, body);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // CPU is not charged here: the work is influxd's, which the pipeline bench measures per process.
        return new PhaseResult("raw InfluxDB writer", count, writer.countReadings(database), elapsed, 1, 0);
    }
}
