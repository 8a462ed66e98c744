package io.parkwatch.bench;

import io.parkwatch.infra.mqtt.MqttPersistence;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkwatch bench gateway}: the gateway's rate against a raw producer and the broker alone. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
    description = {"Messages/s through the MQTT→Kafka gateway, a raw Kafka producer sending the same records, "
        + "and the MQTT broker alone, on embedded Kafka and an MQTT broker started for the run."})
public final class GatewayBenchCommand implements Callable<Integer> {

    @Option(names = "--messages", defaultValue = "100000", description = "Messages per phase. Default: ${DEFAULT-VALUE}.")
    long messages;

    @Option(names = "--publishers", defaultValue = "4",
        description = "Concurrent MQTT publishers (one enterprise each). Default: ${DEFAULT-VALUE}.")
    int publishers;

    @Option(names = "--broker", defaultValue = "hivemq",
        description = "hivemq (embedded) or mosquitto (Debian's, as a child process). Default: ${DEFAULT-VALUE}.")
    String broker;

    @Option(names = "--mqtt-persistence", defaultValue = "file",
        description = "file (what parkwatch demo runs) or memory: where the broker keeps sessions and queues. "
            + "HiveMQ's in-memory shared queue slows down with its backlog. Default: ${DEFAULT-VALUE}.")
    String persistence;

    @Option(names = "--warm-up", defaultValue = "10000",
        description = "Messages sent before each phase's measurement. Default: ${DEFAULT-VALUE}.")
    long warmUp;

    @Option(names = "--gateway-clients", defaultValue = "1",
        description = "Gateway MQTT clients in the shared subscription group. Default: ${DEFAULT-VALUE}.")
    int gatewayClients;

    @Option(names = "--receive-maximum", defaultValue = "1000",
        description = "Each gateway connection's receive maximum. Default: ${DEFAULT-VALUE}.")
    int receiveMaximum;

    @Option(names = "--mqtt-connections", defaultValue = "1",
        description = "MQTT connections per gateway client (as ingest --mqtt-connections). Default: ${DEFAULT-VALUE}.")
    int mqttConnections;

    @Option(names = "--readings-per-message", defaultValue = "1",
        description = "Readings per MQTT message: 1 sends a JSON object, more a JSON array of that many "
            + "(1..400, within the gateway's 64 KiB payload cap). The raw producer sends the same readings. "
            + "Default: ${DEFAULT-VALUE}.")
    int readingsPerMessage;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        GatewayBench.Settings settings = new GatewayBench.Settings(messages, publishers, brokerKind(), persistence(), warmUp,
            gatewayClients, receiveMaximum, mqttConnections, readingsPerMessage);
        BenchReport report = new GatewayBench(settings).run();
        System.out.print(report.text());
        if (json != null) {
            report.writeJson(json);
            System.out.println("results written to " + json);
        }
        return 0;
    }

    private MqttPersistence persistence() {
        return switch (persistence.toLowerCase(Locale.ROOT)) {
            case "file" -> MqttPersistence.FILE;
            case "memory" -> MqttPersistence.IN_MEMORY;
            default -> throw new IllegalArgumentException("--mqtt-persistence must be file or memory: " + persistence);
        };
    }

    private BrokerKind brokerKind() {
        try {
            return BrokerKind.valueOf(broker.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--broker must be hivemq or mosquitto: " + broker, e);
        }
    }
}
