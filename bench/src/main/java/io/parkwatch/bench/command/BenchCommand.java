package io.parkwatch.bench.command;

import io.parkwatch.bench.GatewayBenchCommand;
import io.parkwatch.bench.field.FieldBenchCommand;
import io.parkwatch.bench.fuzz.FuzzBenchCommand;
import io.parkwatch.bench.jt808.IdleTerminalsBenchCommand;
import io.parkwatch.bench.pipeline.PipelineBench;
import io.parkwatch.bench.pipeline.PipelineBenchCommand;
import io.parkwatch.bench.pipeline.PipelineOptions;
import io.parkwatch.bench.stages.AlertsBenchCommand;
import io.parkwatch.bench.stages.CoverageBenchCommand;
import io.parkwatch.bench.stages.SinkBenchCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code parkwatch bench}: measurements on embedded servers; prints, asserts nothing. Without a
 * subcommand it runs the end-to-end benchmark ({@code bench pipeline}) with the options given.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {PipelineBenchCommand.class, GatewayBenchCommand.class,
    CoverageBenchCommand.class, AlertsBenchCommand.class, SinkBenchCommand.class, IdleTerminalsBenchCommand.class,
    FieldBenchCommand.class, FuzzBenchCommand.class},
    description = {"Benchmarks on embedded servers (see BENCHMARKS.md). Without a subcommand: the end-to-end "
        + "pipeline benchmark (same as 'bench pipeline')."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        return new PipelineBench(pipeline.settings()).run();
    }
}
