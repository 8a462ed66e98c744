package io.parkwatch.cli.command;

import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.park.SimulatedPark;
import picocli.CommandLine.Option;

/** Which sample park to play: the same flags give the same firms, points and silent ones. */
public final class SampleParkOptions {

    @Option(names = "--enterprises", defaultValue = "40",
        description = "Firms in the simulated Xilinhot park. Default: ${DEFAULT-VALUE}.")
    int enterprises;

    @Option(names = "--seed", defaultValue = "2025", description = "Simulation seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    SimulatedPark park() {
        Checks.positive(enterprises, "--enterprises");
        return SampleParks.xilinhot(enterprises, seed);
    }
}
