package io.parkwatch.bench.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkwatch bench sink}: sink points/s against a raw writer, and the CSV export's rows/s. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {"Points/s of one long-running InfluxDB sink draining a load of readings released at once, against "
        + "a raw writer posting the same batches, in alternating passes over several rounds, and the bureau API's CSV emission export, on embedded Kafka and a local influxd."})
public final class SinkBenchCommand implements Callable<Integer> {

    private static final int TOP_THREAD_GROUPS = 8;

    @Option(names = "--readings", defaultValue = "500000", description = "Readings in Kafka. Default: ${DEFAULT-VALUE}.")
    int readings;

    @Option(names = "--points", defaultValue = "1000",
        description = "Distinct stacks (series per metric). Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--warm-up-passes", defaultValue = "5",
        description = "Passes of the sink and the raw writer before the measured rounds, the first of them cold "
            + "(the sink's start-up and group join included); at least 1. Default: ${DEFAULT-VALUE}.")
    int warmUpPasses;

    @Option(names = "--rounds", defaultValue = "5",
        description = "Rounds of one raw-writer pass and one sink pass of --readings each, alternating which goes "
            + "first. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--separate-cores",
        description = "Pin influxd to the last CPU and this JVM (Kafka, sink, raw writer) to the others, for both the "
            + "sink and the raw writer: models InfluxDB on its own host, as deployed. Default: share every CPU.")
    boolean separateCores;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (readings < 1 || points < 1 || rounds < 1 || warmUpPasses < 1) {
            throw new IllegalArgumentException("--readings, --points, --rounds and --warm-up-passes must be >= 1");
        }
        SinkBench.Result r = new SinkBench().run(readings, points, warmUpPasses, rounds, separateCores);
        Figures figures = new Figures(String.format("parkwatch bench sink: %d readings of %d stacks, batches of %d "
            + "points (embedded Kafka, influxd)", readings, points, r.batch()));
        figures.put("CPUs", r.cpus());
        SinkBench.Phase sink = r.sink();
        SinkBench.Phase raw = r.raw();
        List<SinkBench.Round> rounds = r.rounds();
        figures.put("rounds (raw and sink passes)", rounds.size());
        figures.put("sink points/s", sink.rate());
        figures.put("sink points written", rounds.stream().mapToLong(round -> round.sink().written()).min().orElse(0));
        figures.put("sink points in influxd", rounds.stream().mapToLong(round -> round.sink().counted()).min().orElse(0));
        figures.put("sink s per pass (load released to last point written)", each(rounds, round -> round.sink().seconds()));
        figures.put("sink points/s in the first pass (cold JVM; start-up and group join included)", r.warmUp().rate());
        figures.put("raw writer points/s", raw.rate());
        figures.put("raw writer points in influxd", rounds.stream().mapToLong(round -> round.raw().counted()).min()
            .orElse(0));
        figures.put("raw writer s per pass", each(rounds, round -> round.raw().seconds()));
        figures.put("sink / raw writer by round", each(rounds, SinkBench.Round::ratio));
        figures.put("sink / raw writer, median round", r.medianRoundRatio());
        figures.put("sink / raw writer", r.ratio());
        cpu(figures, "sink", sink);
        cpu(figures, "raw writer", raw);
        threads(figures, "sink", sink);
        figures.put("export rows", r.exportRows());
        figures.put("export rows/s", r.exportRows() / r.exportSeconds());
        figures.put("export MiB/s", Figures.mib(r.exportBytes()) / r.exportSeconds());
        figures.put("export s", r.exportSeconds());
        figures.print(json);
        return 0;
    }

    /**
     * The JVM's CPU per 1,000 points by group of threads (the busiest), the rest (JIT, GC, small
     * groups), and the JIT's and the GC's elapsed time.
     */
    private static void threads(Figures figures, String name, SinkBench.Phase phase) {
        long listed = 0;
        List<Map.Entry<String, Long>> groups = phase.threadNanos().entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_THREAD_GROUPS).toList();
        for (Map.Entry<String, Long> group : groups) {
            figures.put(name + " JVM CPU ms per 1000 points, " + group.getKey(), group.getValue() / 1e3 / phase.timedPoints());
            listed += group.getValue();
        }
        figures.put(name + " JVM CPU ms per 1000 points, the rest (JIT, GC, others)",
            (phase.jvmCpuSeconds() * 1e9 - listed) / 1e3 / phase.timedPoints());
        figures.put(name + " JIT and GC ms per 1000 points (elapsed)", String.format("%.2f, %.2f",
            phase.jitMillis() * 1e3 / phase.timedPoints(), phase.gcMillis() * 1e3 / phase.timedPoints()));
    }

    private static String each(List<SinkBench.Round> rounds, ToDoubleFunction<SinkBench.Round> figure) {
        return rounds.stream().map(round -> String.format("%.3f", figure.applyAsDouble(round)))
            .collect(Collectors.joining(", "));
    }

    /** CPU per 1,000 points: where a writer's time goes, in the JVM (Kafka, decoding, HTTP) or in influxd. */
    private static void cpu(Figures figures, String name, SinkBench.Phase phase) {
        figures.put(name + " CPU ms per 1000 points (influxd, JVM)", String.format("%.1f, %.1f",
            phase.influxdCpuSeconds() * 1e6 / phase.timedPoints(), phase.jvmCpuSeconds() * 1e6 / phase.timedPoints()));
    }
}
