package io.parkwatch.cli.bench.stages;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkwatch bench sink}: sink points/s against a raw writer, and the CSV export's rows/s. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {"Points/s of the InfluxDB sink draining a pre-filled readings topic, a raw writer posting the "
        + "same batches (before and after the sink), and the bureau API's CSV emission export, on embedded Kafka and a local influxd."})
public final class SinkBenchCommand implements Callable<Integer> {

    @Option(names = "--readings", defaultValue = "500000", description = "Readings in Kafka. Default: ${DEFAULT-VALUE}.")
    int readings;

    @Option(names = "--points", defaultValue = "1000",
        description = "Distinct stacks (series per metric). Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--warm-up", defaultValue = "500000",
        description = "Points the sink and the raw writer write into a scratch database before they are measured "
            + "(0: measure a cold JVM). Default: ${DEFAULT-VALUE}.")
    int warmUp;

    @Option(names = "--separate-cores",
        description = "Pin influxd to the last CPU and this JVM (Kafka, sink, raw writer) to the others, for both the "
            + "sink and the raw writer: models InfluxDB on its own host, as deployed. Default: share every CPU.")
    boolean separateCores;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (readings < 1 || points < 1 || warmUp < 0) {
            throw new IllegalArgumentException("--readings and --points must be >= 1, --warm-up >= 0");
        }
        SinkBench.Result r = new SinkBench().run(readings, points, warmUp, separateCores);
        Figures figures = new Figures(String.format("parkwatch bench sink: %d readings of %d stacks, batches of %d "
            + "points (embedded Kafka, influxd)", readings, points, r.batch()));
        figures.put("CPUs", r.cpus());
        SinkBench.Phase sink = r.sink();
        figures.put("sink points/s", sink.rate());
        figures.put("sink points written", sink.written());
        figures.put("sink points in influxd", sink.counted());
        figures.put("sink s (first write to last)", sink.seconds());
        figures.put("sink start-up and group join s", r.sinkStartSeconds());
        figures.put("sink points/s in the warm-up (cold JVM)", r.warmUp().rate());
        figures.put("raw writer points/s", r.rawRate());
        figures.put("raw writer points/s before the sink", r.rawBefore().rate());
        figures.put("raw writer points/s after the sink", r.rawAfter().rate());
        figures.put("raw writer points in influxd", Math.min(r.rawBefore().counted(), r.rawAfter().counted()));
        figures.put("raw writer s (before, after)", String.format("%.3f, %.3f", r.rawBefore().seconds(),
            r.rawAfter().seconds()));
        figures.put("sink / raw writer", sink.rate() / r.rawRate());
        cpu(figures, "sink", sink);
        cpu(figures, "raw writer (after)", r.rawAfter());
        figures.put("export rows", r.exportRows());
        figures.put("export rows/s", r.exportRows() / r.exportSeconds());
        figures.put("export MiB/s", Figures.mib(r.exportBytes()) / r.exportSeconds());
        figures.put("export s", r.exportSeconds());
        figures.print(json);
        return 0;
    }

    /** CPU per 1,000 points: where a writer's time goes, in the JVM (Kafka, decoding, HTTP) or in influxd. */
    private static void cpu(Figures figures, String name, SinkBench.Phase phase) {
        figures.put(name + " CPU ms per 1000 points (influxd, JVM)", String.format("%.1f, %.1f",
            phase.influxdCpuSeconds() * 1e6 / phase.written(), phase.jvmCpuSeconds() * 1e6 / phase.written()));
    }
}
