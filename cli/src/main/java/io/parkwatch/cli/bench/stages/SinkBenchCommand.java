package io.parkwatch.cli.bench.stages;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkwatch bench sink}: sink points/s against a raw writer, and the CSV export's rows/s. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {"Points/s of the InfluxDB sink draining a pre-filled readings topic, a raw writer posting the "
        + "same batches, and the bureau API's CSV emission export, on embedded Kafka and a local influxd."})
public final class SinkBenchCommand implements Callable<Integer> {

    @Option(names = "--readings", defaultValue = "500000", description = "Readings in Kafka. Default: ${DEFAULT-VALUE}.")
    int readings;

    @Option(names = "--points", defaultValue = "1000",
        description = "Distinct stacks (series per metric). Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (readings < 1 || points < 1) {
            throw new IllegalArgumentException("--readings and --points must be >= 1");
        }
        SinkBench.Result r = new SinkBench().run(readings, points);
        Figures figures = new Figures(String.format("parkwatch bench sink: %d readings of %d stacks, batches of %d "
            + "points (embedded Kafka, influxd)", readings, points, r.batch()));
        figures.put("sink points/s", r.sinkRate());
        figures.put("sink points written", r.sinkWritten());
        figures.put("sink points in influxd", r.sinkCounted());
        figures.put("sink s (first write to last)", r.sinkSteadySeconds());
        figures.put("sink s (with start and group join)", r.sinkSeconds());
        figures.put("raw writer points/s", r.rawRate());
        figures.put("raw writer points in influxd", r.rawCounted());
        figures.put("raw writer s", r.rawSeconds());
        figures.put("sink / raw writer", r.sinkRate() / r.rawRate());
        figures.put("export rows", r.exportRows());
        figures.put("export rows/s", r.exportRows() / r.exportSeconds());
        figures.put("export MiB/s", Figures.mib(r.exportBytes()) / r.exportSeconds());
        figures.put("export s", r.exportSeconds());
        figures.print(json);
        return 0;
    }
}
