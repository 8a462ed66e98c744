package io.parkwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code parkwatch bench gateway} found: three rates, in messages and readings per second,
 * their ratios, and the machine's state (the load average before and after: the figures mean
 * little on a busy machine without it).
 */
public record BenchReport(GatewayBench.Settings settings, PhaseResult gateway, PhaseResult rawProducer,
                          PhaseResult brokerAlone, String loadBefore, String loadAfter) {

    /** Gateway over raw producer; the same in messages and readings, both carrying the same readings. */
    public double gatewayToRaw() {
        return gateway.readingRate() / rawProducer.readingRate();
    }

    public double gatewayToBroker() {
        return gateway.readingRate() / brokerAlone.readingRate();
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg where there is one. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The human-readable form; one phase per line, so that scripts can pick the rates out. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "parkwatch bench gateway --broker %s --mqtt-persistence %s --messages %d "
                + "--warm-up %d --publishers %d --gateway-clients %d --mqtt-connections %d --receive-maximum %d "
                + "--readings-per-message %d%n", name(settings.broker()), name(settings.persistence()),
            settings.messages(), settings.warmUp(), settings.publishers(), settings.gatewayClients(),
            settings.mqttConnections(), settings.receiveMaximum(), settings.readingsPerMessage()));
        out.append(String.format(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB, %s; load average "
                + "(1/5/15 min) %s before, %s after%n", Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, Instant.now(), loadBefore,
            loadAfter));
        out.append(line("gateway", "MQTT → gateway → Kafka", gateway, "in Kafka"));
        out.append(line("raw producer", "Kafka producer only", rawProducer, "acked"));
        out.append(line("broker alone", "MQTT → Paho subscriber", brokerAlone, "received"));
        out.append(String.format(Locale.ROOT, "gateway / raw producer: %.3f%n", gatewayToRaw()));
        out.append(String.format(Locale.ROOT, "gateway / broker alone: %.3f%n", gatewayToBroker()));
        out.append(String.format(Locale.ROOT, "CPU per reading, raw producer / gateway: %.3f (what the rate ratio "
            + "tends to when CPU is the limit; the load generators' CPU counts in the gateway and broker phases)%n",
            rawProducer.cpuMicrosPerReading() / gateway.cpuMicrosPerReading()));
        return out.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? "?" : value.name().toLowerCase(Locale.ROOT).replace("in_memory", "memory");
    }

    private static String line(String name, String path, PhaseResult phase, String arrived) {
        return String.format(Locale.ROOT, "%-13s %10.0f msg/s %10.0f readings/s %8.1f CPU us/reading  "
                + "(%s; %d sent, %d %s, %.3f s)%n", name + ":", phase.rate(), phase.readingRate(),
            phase.cpuMicrosPerReading(), path, phase.sent(), phase.arrived(), arrived, phase.elapsed().toNanos() / 1e9);
    }

    public void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("messages", settings.messages());
        run.put("publishers", settings.publishers());
        run.put("broker", name(settings.broker()));
        run.put("persistence", name(settings.persistence()));
        run.put("warmUp", settings.warmUp());
        run.put("gatewayClients", settings.gatewayClients());
        run.put("mqttConnections", settings.mqttConnections());
        run.put("receiveMaximum", settings.receiveMaximum());
        run.put("readingsPerMessage", settings.readingsPerMessage());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("loadAverageBefore", loadBefore);
        run.put("loadAverageAfter", loadAfter);
        json.put("settings", run);
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
        json.put("readingsPerSecond", phase.readingRate());
        json.put("sent", phase.sent());
        json.put("arrived", phase.arrived());
        json.put("readingsArrived", phase.arrivedReadings());
        json.put("seconds", phase.elapsed().toNanos() / 1e9);
        json.put("cpuMicrosPerReading", phase.cpuMicrosPerReading());
        return json;
    }
}
