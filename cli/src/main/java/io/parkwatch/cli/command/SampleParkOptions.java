package io.parkwatch.cli.command;

import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.park.SimulatedPark;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Which sample park to play: the same flags give the same firms, points and silent ones. */
public final class SampleParkOptions {

    @Option(names = "--enterprises", defaultValue = "40",
        description = "Firms per simulated park, the first of the registry's (Xilinhot has 242, the others "
            + "fewer). Default: ${DEFAULT-VALUE}.")
    int enterprises;

    @Option(names = "--seed", defaultValue = "2025", description = "Simulation seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Every sample park named in {@code parks} ({@code all} for all of them), with their first firms. */
    List<SimulatedPark> parks(Registry registry, String parks) {
        Checks.positive(enterprises, "--enterprises");
        List<String> known = registry.parks().stream().map(ParkEntry::id).toList();
        List<String> chosen = "all".equals(parks.trim()) ? known
            : Arrays.stream(parks.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        for (String park : chosen) {
            if (!known.contains(park)) {
                throw new IllegalArgumentException("--parks: no sample park '" + park + "'; known: "
                    + String.join(", ", known) + " or all");
            }
        }
        return chosen.stream().map(p -> SampleParks.of(registry, p, enterprises, seed)).toList();
    }

    long seed() {
        return seed;
    }

    SimulatedPark park() {
        Checks.positive(enterprises, "--enterprises");
        return SampleParks.xilinhot(enterprises, seed);
    }
}
