package io.parkwatch.bench.stages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkwatch bench coverage}: a coverage cycle's cost and memory, against a smaller registry. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = {"Cost of the coverage topology's cadence cycle and its memory with --points registered points "
        + "(Kafka Streams on embedded Kafka), against the same with --baseline-points."})
public final class CoverageBenchCommand implements Callable<Integer> {

    @Option(names = "--points", defaultValue = "100000", description = "Registered points. Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--baseline-points", defaultValue = "10000",
        description = "Registered points of the baseline run. Default: ${DEFAULT-VALUE}.")
    int baselinePoints;

    @Option(names = "--points-per-park", defaultValue = "2000",
        description = "Points of each park: the park stage recomputes a park's rows for each point that "
            + "becomes live, so the first load costs points x this. Default: ${DEFAULT-VALUE}.")
    int pointsPerPark;

    @Option(names = "--cadence-seconds", defaultValue = "5",
        description = "coverage.cadence of the run (production: 30). Default: ${DEFAULT-VALUE}.")
    int cadenceSeconds;

    @Option(names = "--cycles", defaultValue = "12",
        description = "Cycles measured once every point is known. Default: ${DEFAULT-VALUE}.")
    int cycles;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (cadenceSeconds < 1 || cycles < 1) {
            throw new IllegalArgumentException("--cadence-seconds and --cycles must be >= 1");
        }
        CoverageBench bench = new CoverageBench(Duration.ofSeconds(cadenceSeconds), cycles, pointsPerPark);
        CoverageBench.Result baseline = bench.run(baselinePoints);
        Figures first = new Figures("baseline done:");
        add(first, "baseline ", baseline);
        System.out.print(first.text());
        CoverageBench.Result measured = bench.run(points);
        Figures figures = new Figures(String.format("parkwatch bench coverage: %d points against %d, parks of %d, "
            + "%d cycles of %d s (Kafka Streams, embedded Kafka)", points, baselinePoints, pointsPerPark, cycles,
            cadenceSeconds));
        add(figures, "", measured);
        add(figures, "baseline ", baseline);
        figures.put("punctuate avg ratio", measured.punctuateAvgMs() / baseline.punctuateAvgMs());
        figures.put("heap ratio", (double) measured.heapBytes() / baseline.heapBytes());
        figures.put("points ratio", (double) points / baselinePoints);
        figures.print(json);
        return 0;
    }

    private static void add(Figures figures, String prefix, CoverageBench.Result result) {
        figures.put(prefix + "points", result.points());
        figures.put(prefix + "parks", result.parks());
        figures.put(prefix + "all points known after s", result.loadedSeconds());
        figures.put(prefix + "punctuate latency avg ms", result.punctuateAvgMs());
        figures.put(prefix + "punctuate latency max ms", result.punctuateMaxMs());
        figures.put(prefix + "heap used MiB", Figures.mib(result.heapBytes()));
        figures.put(prefix + "state on disk MiB", Figures.mib(result.stateBytes()));
        figures.put(prefix + "points in park store", result.storedPoints());
    }
}
