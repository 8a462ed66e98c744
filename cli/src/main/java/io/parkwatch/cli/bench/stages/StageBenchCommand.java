package io.parkwatch.cli.bench.stages;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code parkwatch bench}: the stage benchmarks (coverage, alerts, sink). Stands in for the
 * {@code bench} parent of branch helper/crash until the two are merged, when these three
 * subcommands join that parent's list and this class goes.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {CoverageBenchCommand.class, AlertsBenchCommand.class, SinkBenchCommand.class},
    description = "Benchmarks of the pipeline's stages on in-process or embedded servers (see BENCHMARKS.md).")
public final class StageBenchCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
