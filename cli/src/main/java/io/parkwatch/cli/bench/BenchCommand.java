package io.parkwatch.cli.bench;

import io.parkwatch.cli.bench.stages.AlertsBenchCommand;
import io.parkwatch.cli.bench.stages.CoverageBenchCommand;
import io.parkwatch.cli.bench.stages.SinkBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code parkwatch bench}: measurements on embedded servers; prints, asserts nothing. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {GatewayBenchCommand.class,
    CoverageBenchCommand.class, AlertsBenchCommand.class, SinkBenchCommand.class},
    description = "Benchmarks on embedded servers (see BENCHMARKS.md).")
public final class BenchCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
