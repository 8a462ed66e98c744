package io.parkwatch.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What {@code parkwatch bench gateway} found: three rates and their ratios. */
public record BenchReport(GatewayBench.Settings settings, PhaseResult gateway, PhaseResult rawProducer,
                          PhaseResult brokerAlone) {

    public double gatewayToRaw() {
        return gateway.rate() / rawProducer.rate();
    }

    public double gatewayToBroker() {
        return gateway.rate() / brokerAlone.rate();
    }

    /** The human-readable form; one phase per line, so that scripts can pick the rates out. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "parkwatch bench gateway: %d messages, %d publishers, %s broker (%s persistence), "
                + "warm-up %d, %d gateway client(s), receive maximum %d, %d cores%n", settings.messages(),
            settings.publishers(), settings.broker().name().toLowerCase(Locale.ROOT),
            settings.persistence().name().toLowerCase(Locale.ROOT), settings.warmUp(),
            settings.gatewayClients(), settings.receiveMaximum(), Runtime.getRuntime().availableProcessors()));
        out.append(line("gateway", "MQTT → gateway → Kafka", gateway, "in Kafka"));
        out.append(line("raw producer", "Kafka producer only", rawProducer, "acked"));
        out.append(line("broker alone", "MQTT → Paho subscriber", brokerAlone, "received"));
        out.append(String.format(Locale.ROOT, "gateway / raw producer: %.3f%n", gatewayToRaw()));
        out.append(String.format(Locale.ROOT, "gateway / broker alone: %.3f%n", gatewayToBroker()));
        return out.toString();
    }

    private static String line(String name, String path, PhaseResult phase, String arrived) {
        return String.format(Locale.ROOT, "%-13s %10.0f msg/s  (%s; %d sent, %d %s, %.3f s)%n", name + ":",
            phase.rate(), path, phase.sent(), phase.arrived(), arrived, phase.elapsed().toNanos() / 1e9);
    }

    public void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", Map.of("messages", settings.messages(), "publishers", settings.publishers(),
            "broker", settings.broker().name().toLowerCase(Locale.ROOT),
            "persistence", settings.persistence().name().toLowerCase(Locale.ROOT), "warmUp", settings.warmUp(),
            "gatewayClients", settings.gatewayClients(), "receiveMaximum", settings.receiveMaximum(),
            "cores", Runtime.getRuntime().availableProcessors()));
        json.put("gateway", phase(gateway));
        json.put("rawProducer", phase(rawProducer));
        json.put("brokerAlone", phase(brokerAlone));
        json.put("gatewayToRawProducer", gatewayToRaw());
        json.put("gatewayToBrokerAlone", gatewayToBroker());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static Map<String, Object> phase(PhaseResult phase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messagesPerSecond", phase.rate());
        json.put("sent", phase.sent());
        json.put("arrived", phase.arrived());
        json.put("seconds", phase.elapsed().toNanos() / 1e9);
        return json;
    }
}
