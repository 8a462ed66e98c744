package io.parkwatch.bench.fuzz;

import io.parkwatch.bench.BenchServers;
import io.parkwatch.bench.BrokerKind;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parkwatch bench fuzz}: malformed input against the running gateway and the console's
 * HTTP API, on embedded servers; prints what became of every message and request. Exits 1 when
 * a message was lost or accepted by accident, the gateway went down, or an answer broke the API's
 * contract.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = {"Fuzzes the running gateway (malformed JSON, HJ 212 and JT/T 808 messages over MQTT) and the "
        + "console's HTTP API (malformed requests on every endpoint); prints counts per reason and per status."})
public final class FuzzBenchCommand implements Callable<Integer> {

    @Option(names = "--per-format", defaultValue = "10000",
        description = "Malformed messages per payload format. Default: ${DEFAULT-VALUE}.")
    int perFormat;

    @Option(names = "--requests", defaultValue = "3000",
        description = "Malformed HTTP requests to the console. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generators: the same seed, the same "
        + "input (times inside messages aside). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--broker", defaultValue = "hivemq",
        description = "hivemq (embedded, the demo's) or mosquitto (Debian's, as a child process). "
            + "Default: ${DEFAULT-VALUE}.")
    String broker;

    @Override
    public Integer call() throws Exception {
        if (perFormat < 1 || requests < 0) {
            throw new IllegalArgumentException("--per-format must be at least 1 and --requests at least 0");
        }
        BrokerKind kind = switch (broker) {
            case "hivemq" -> BrokerKind.HIVEMQ;
            case "mosquitto" -> BrokerKind.MOSQUITTO;
            default -> throw new IllegalArgumentException("--broker must be hivemq or mosquitto: " + broker);
        };
        FuzzPark park = new FuzzPark("fuzzpark");
        Path dir = Files.createTempDirectory("parkwatch-bench-fuzz-");
        boolean kept;
        try (BenchServers servers = BenchServers.start(kind, MqttPersistence.IN_MEMORY,
                new StaticAccessPolicy(park.accounts()));
             InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")))) {
            GatewayFuzzReport gateway = new GatewayFuzz(servers.kafka(), servers.mqtt(), park).run(perFormat, seed);
            System.out.print(gateway.text());
            kept = gateway.lost() == 0 && gateway.acceptedByAccident().isEmpty() && gateway.live() == 200;
            if (requests > 0) {
                try (FuzzConsole console = FuzzConsole.start(servers.kafka(), influxd.url(), "parkwatch", dir)) {
                    ApiFuzzReport api = console.fuzz().run(requests, seed);
                    System.out.print(api.text());
                    kept &= api.violations().isEmpty();
                }
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return kept ? 0 : 1;
    }
}
