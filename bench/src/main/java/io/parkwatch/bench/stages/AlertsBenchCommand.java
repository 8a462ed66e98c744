package io.parkwatch.bench.stages;

import io.parkwatch.bench.BrokerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkwatch bench alerts}: MQTT publish → alert latency, against MQTT publish → reading in Kafka. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = {"Latency from an MQTT publish to the RAISED alert in Kafka at a fixed input rate, and in the "
        + "same run from the publish to the reading in Kafka (the gateway's share), on embedded Kafka and Mosquitto "
        + "(or embedded HiveMQ), with the CPU used per reading."})
public final class AlertsBenchCommand implements Callable<Integer> {

    private static final int TOP_THREAD_GROUPS = 15;

    @Option(names = "--rate", defaultValue = "10000", description = "Readings/s over all publishers. "
        + "Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--messages", defaultValue = "300000", description = "Readings measured (not MQTT messages). "
        + "Default: ${DEFAULT-VALUE}.")
    long messages;

    @Option(names = "--warm-up", defaultValue = "50000", description = "Readings sent first. Default: ${DEFAULT-VALUE}.")
    long warmUp;

    @Option(names = "--publishers", defaultValue = "8", description = "MQTT publishers (one enterprise each). "
        + "Default: ${DEFAULT-VALUE}.")
    int publishers;

    @Option(names = "--points-per-publisher", defaultValue = "125",
        description = "Gas detectors per enterprise. Default: ${DEFAULT-VALUE}.")
    int pointsPerPublisher;

    @Option(names = "--broker", defaultValue = "mosquitto",
        description = "mosquitto (Debian's, as a child process) or hivemq (embedded). Default: ${DEFAULT-VALUE}.")
    String broker;

    @Option(names = "--readings-per-message", defaultValue = "1",
        description = "Readings per MQTT message: 1 sends a JSON object, more a JSON array of that many readings of "
            + "one detector, each with the send time as ts. --rate and --messages count readings. "
            + "Default: ${DEFAULT-VALUE}.")
    int readingsPerMessage;

    @Option(names = "--stream-threads", defaultValue = "1",
        description = "Stream threads of the alerts application, as `parkwatch streams --threads`. "
            + "Default: ${DEFAULT-VALUE}.")
    int streamThreads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (rate <= 0 || messages < publishers || warmUp < 0 || streamThreads < 1) {
            throw new IllegalArgumentException("--rate must be positive, --messages >= --publishers, --warm-up >= 0, "
                + "--stream-threads >= 1");
        }
        BrokerKind kind = brokerKind();
        AlertsBench.Result r = new AlertsBench(new GasDetectorLoad(publishers, pointsPerPublisher, readingsPerMessage),
            kind, streamThreads).run(rate, warmUp, messages);
        Figures figures = new Figures(String.format(Locale.ROOT, "parkwatch bench alerts: %d readings at %.0f/s asked, "
            + "%d per message, %d publishers x %d gas detectors, every %dth reading over the trigger (embedded Kafka, %s)",
            r.sent(), rate, readingsPerMessage, publishers, pointsPerPublisher, GasDetectorLoad.EVERY,
            kind.name().toLowerCase(Locale.ROOT)));
        figures.put("alerts stream threads", streamThreads);
        figures.put("asked input rate /s", rate);
        figures.put("achieved input rate /s", r.rate());
        figures.put("readings sent", r.sent());
        figures.put("readings acknowledged", r.acknowledged());
        figures.put("load average before", r.loadBefore());
        figures.put("load average after", r.loadAfter());
        figures.put("CPU us/reading (JVM+broker)", r.cpuMicrosPerReading());
        figures.put("CPU us/reading (alerts app)", r.alertsCpuMicrosPerReading());
        latencies(figures, "publish → alert", r.alertMillis());
        figures.put("alerts expected", r.expectedAlerts());
        latencies(figures, "publish → reading", r.readingMillis());
        threadShares(figures, r);
        figures.print(json);
        return 0;
    }

    /**
     * Where the CPU went: the busiest groups of this JVM's threads and the broker process; then the
     * rest of the total (JIT compilers, GC, smaller groups, threads that ended), and the JIT's and
     * the GC's own time, which the JVM reports as elapsed time (on a busy machine, more than their CPU).
     */
    private static void threadShares(Figures figures, AlertsBench.Result r) {
        long listed = 0;
        int shown = 0;
        List<Map.Entry<String, Long>> groups = r.cpu().byGroupNanos().entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        for (Map.Entry<String, Long> group : groups) {
            if (shown++ == TOP_THREAD_GROUPS) {
                break;
            }
            figures.put("CPU us/reading, " + group.getKey(), group.getValue() / 1e3 / r.sent());
            listed += group.getValue();
        }
        figures.put("CPU us/reading, the rest (JIT, GC, others)", (r.cpu().totalNanos() - listed) / 1e3 / r.sent());
        figures.put("JIT compiler us/reading (elapsed)", r.cpu().jitMillis() * 1e3 / r.sent());
        figures.put("GC us/reading (elapsed)", r.cpu().gcMillis() * 1e3 / r.sent());
    }

    private BrokerKind brokerKind() {
        try {
            return BrokerKind.valueOf(broker.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--broker must be hivemq or mosquitto: " + broker, e);
        }
    }

    private static void latencies(Figures figures, String name, double[] millis) {
        figures.put(name + " seen", millis.length);
        figures.put(name + " p50 ms", Figures.quantile(millis, 0.50));
        figures.put(name + " p95 ms", Figures.quantile(millis, 0.95));
        figures.put(name + " p99 ms", Figures.quantile(millis, 0.99));
        figures.put(name + " max ms", Figures.quantile(millis, 1.0));
    }
}
