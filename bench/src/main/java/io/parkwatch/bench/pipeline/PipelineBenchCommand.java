package io.parkwatch.bench.pipeline;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parkwatch bench pipeline}, also what {@code parkwatch bench} runs without a subcommand. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"The whole pipeline (MQTT broker, gateway, Kafka, streams, sink, InfluxDB) at rising rates, "
        + "fed by the simulator's encoders; then, with the pipeline stopped, the same steps through a minimal MQTT -> "
        + "InfluxDB bridge (--no-bridge skips it) and the other baselines. Prints every figure, writes result.json and "
        + "timeline.png."})
public final class PipelineBenchCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Override
    public Integer call() throws Exception {
        return new PipelineBench(options.settings()).run();
    }
}
