package io.parkwatch.bench.pipeline;

import io.parkwatch.bench.BrokerKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options of {@code parkwatch bench} and {@code parkwatch bench pipeline}. */
public final class PipelineOptions {

    @Option(names = "--rates", split = ",", defaultValue = "2000,5000,10000,20000,45000",
        description = "Readings/s of each step, rising. Default: ${DEFAULT-VALUE}.")
    List<Integer> rates;

    @Option(names = "--step", defaultValue = "30s", description = "Sending time per step (e.g. 30s, 2m). "
        + "Default: ${DEFAULT-VALUE}.")
    String step;

    @Option(names = "--warm-up", defaultValue = "steady", description = "Sending at the first rate before the first "
        + "step, drained and not reported: a duration (0s: none), or steady: rounds of 20 s until the JIT compilers "
        + "are done (busy under a tenth of the time) and every alert of the round arrived, at most 8 minutes. "
        + "Default: ${DEFAULT-VALUE}.")
    String warmUp;

    @Option(names = "--drain", defaultValue = "30s", description = "How long a step's readings may take to land "
        + "after its sending ended. Default: ${DEFAULT-VALUE}.")
    String drain;

    @Option(names = "--broker", defaultValue = "mosquitto",
        description = "mosquitto (Debian's, as a child process) or hivemq (embedded). Default: ${DEFAULT-VALUE}.")
    String broker;

    @Option(names = "--enterprises", defaultValue = "4",
        description = "Publishing enterprises, each with a JSON and an HJ 212 client. Default: ${DEFAULT-VALUE}.")
    int enterprises;

    @Option(names = "--readings-per-message", defaultValue = "4",
        description = "Readings per JSON array and factors per HJ 212 packet (1..8). Default: ${DEFAULT-VALUE}.")
    int readingsPerMessage;

    @Option(names = "--baseline-messages", defaultValue = "50000",
        description = "Messages of each baseline (raw Kafka producer, raw InfluxDB writer, broker alone); "
            + "0 skips them (not the bridge: --no-bridge does). Default: ${DEFAULT-VALUE}.")
    long baselineMessages;

    @Option(names = "--bridge", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "After the steps, with the pipeline stopped: the same steps through a minimal MQTT -> InfluxDB "
            + "bridge (one Paho client in the gateway's shared group, QoS 1 acknowledged on arrival, the gateway's "
            + "decoders, line protocol in batches of <= 5,000 points or 1 s, as Telegraf's mqtt_consumer and "
            + "InfluxDB output would), and end to end / bridge per step. --no-bridge skips it. Default: on.")
    boolean bridge;

    @Option(names = "--keep-going", description = "Run the higher steps even after one fell behind or lost readings.")
    boolean keepGoing;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Where result.json and timeline.png go. Default: build/bench/pipeline-<UTC time>.")
    Path out;

    public PipelineSettings settings() {
        return new PipelineSettings(rates, PipelineSettings.duration(step, "--step"),
            steady() || "0s".equals(warmUp) ? Duration.ZERO : PipelineSettings.duration(warmUp, "--warm-up"), steady(),
            PipelineSettings.duration(drain, "--drain"), brokerKind(), enterprises, readingsPerMessage,
            baselineMessages, out != null ? out : Path.of("build", "bench", "pipeline-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC))), keepGoing,
            bridge);
    }

    private boolean steady() {
        return "steady".equals(warmUp);
    }

    private BrokerKind brokerKind() {
        try {
            return BrokerKind.valueOf(broker.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--broker must be mosquitto or hivemq: " + broker, e);
        }
    }
}
