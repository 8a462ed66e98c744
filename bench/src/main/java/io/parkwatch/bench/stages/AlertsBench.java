package io.parkwatch.bench.stages;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.alerts.topology.AlertsConfig;
import io.parkwatch.alerts.topology.AlertsTopology;
import io.parkwatch.alerts.topology.MicrometerThresholdMetrics;
import io.parkwatch.bench.BenchReport;
import io.parkwatch.bench.BenchServers;
import io.parkwatch.bench.BrokerKind;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * MQTT publish → alert in Kafka, on embedded Kafka and an MQTT broker (Mosquitto or embedded
 * HiveMQ) with the gateway and the threshold alerts application (exactly-once, the commit
 * interval of {@code parkwatch streams}) in this JVM. Two probes run in the same window:
 * readings in {@code parkwatch.readings.v1} (the gateway alone) and RAISED alerts of the
 * combustible-gas rule, each timed from its reading's send time.
 */
final class AlertsBench {

    /** The alerts application's id; its threads carry it in their names (see {@link ThreadCpu}). */
    static final String APPLICATION = "bench-alerts";
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    /** @param cpu what the measured interval used, from the measured send to the drain's end */
    record Result(long sent, long acknowledged, double sendSeconds, double[] readingMillis, double[] alertMillis,
                  long expectedAlerts, MeasuredCpu cpu, String loadBefore, String loadAfter) {

        /** Readings acknowledged by the broker per second of sending. */
        double rate() {
            return acknowledged / sendSeconds;
        }

        double cpuMicrosPerReading() {
            return cpu.totalNanos() / 1e3 / sent;
        }

        double alertsCpuMicrosPerReading() {
            return cpu.applicationNanos() / 1e3 / sent;
        }
    }

    private final GasDetectorLoad load;
    private final BrokerKind broker;
    private final int streamThreads;

    AlertsBench(GasDetectorLoad load, BrokerKind broker, int streamThreads) {
        this.load = load;
        this.broker = broker;
        this.streamThreads = streamThreads;
    }

    /** Sends {@code warmUp} then {@code readings} readings at {@code perSecond} readings/s in total. */
    Result run(double perSecond, long warmUp, long readings) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        Path dir = Files.createTempDirectory("parkwatch-bench-alerts-");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (BenchServers servers = BenchServers.start(broker, MqttPersistence.FILE,
                 new StaticAccessPolicy(load.accounts()));
             StreamsApp alerts = new StreamsApp(AlertsTopology.build(AlertsConfig.defaults(
                 new MicrometerThresholdMetrics(meters))), new StreamsSettings(APPLICATION, servers.kafka(),
                 Files.createDirectories(dir.resolve("streams")), streamThreads, 1, StreamsSettings.DEFAULT_COMMIT_INTERVAL),
                 AlertsTopology.STREAMS_OVERRIDES, meters);
             GatewayRuntime gateway = startGateway(servers, meters)) {
            alerts.start(Duration.ofMinutes(2));
            return measure(servers, perSecond, warmUp, readings, loadBefore);
        } finally {
            CoverageBench.delete(dir);
        }
    }

    private Result measure(BenchServers servers, double perSecond, long warmUp, long readings, String loadBefore)
            throws Exception {
        List<PacedPublisher> publishers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(load.publishers());
        int perMessage = load.readingsPerMessage();
        try {
            for (int p = 0; p < load.publishers(); p++) {
                publishers.add(PacedPublisher.connect(servers.mqtt(), load, p));
            }
            double messagesEach = perSecond / perMessage / load.publishers();
            System.out.println("  (servers up; warm-up of " + warmUp + " readings)");
            long warmEach = load.wholeRounds(warmUp / perMessage / load.publishers());
            // The probes read from the warm-up on: a consumer of new value types started at the
            // measurement made the JIT recompile the shared Kafka and Jackson paths (hundreds of
            // deoptimisations) while being measured. Until the measurement they record nothing.
            AtomicReference<Instant> measured = new AtomicReference<>(Instant.MAX);
            try (LatencyProbe<Instant> arrived = new LatencyProbe<>(servers.kafka(), Topics.READINGS.name(),
                    new ReadingSendTimes(), sent -> sent).start();
                 LatencyProbe<AlertEvent> raised = new LatencyProbe<>(servers.kafka(), Topics.ALERTS,
                    a -> a.type() == AlertEventType.RAISED && GasDetectorLoad.RULE.equals(a.ruleId())
                        && !a.firstSeen().isBefore(measured.get()) ? a.firstSeen() : null).start()) {
                send(publishers, threads, "warm", warmEach, messagesEach);
                if (!CaughtUp.await(servers.kafka(), Topics.READINGS.name(), warmEach * perMessage * load.publishers(),
                        APPLICATION, CATCH_UP)) {
                    System.out.println("  (the alerts application did not catch up with the warm-up in " + CATCH_UP
                        + "; measuring anyway, the latencies include that backlog)");
                }
                measured.set(Instant.now());
                arrived.reset();
                raised.reset();
                long perPublisher = Math.max(1, readings / perMessage / load.publishers());
                long sent = perPublisher * perMessage * load.publishers();
                long expected = expectedAlerts(perPublisher) * load.publishers();
                long acknowledgedBefore = acknowledged(publishers);
                MeasuredCpu.Start cpu = MeasuredCpu.start(servers.cpu(), APPLICATION);
                System.out.println("  (measuring " + sent + " readings in " + perPublisher * load.publishers()
                    + " messages)");
                long start = System.nanoTime();
                send(publishers, threads, "run", perPublisher, messagesEach);
                double seconds = (System.nanoTime() - start) / 1e9;
                long deadline = System.nanoTime() + DRAIN.toNanos();
                while ((arrived.count() < sent || raised.count() < expected) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                return new Result(sent, (acknowledged(publishers) - acknowledgedBefore) * perMessage, seconds,
                    arrived.samples(), raised.samples(), expected, cpu.stop(), loadBefore, BenchReport.loadAverage());
            }
        } finally {
            publishers.forEach(PacedPublisher::close);
            threads.shutdownNow();
        }
    }

    private long expectedAlerts(long perPublisher) {
        long count = 0;
        for (long k = 0; k < perPublisher; k++) {
            for (int i = 0; i < load.readingsPerMessage(); i++) {
                // A reading over the trigger after a normal one (or the first of the run) opens an alert.
                if (load.exceeds(k, i)) {
                    count++;
                }
            }
        }
        return count;
    }

    private GatewayRuntime startGateway(BenchServers servers, SimpleMeterRegistry meters) throws Exception {
        return GatewayRuntime.start(servers.kafka(), new MqttSubscriptionSettings(servers.mqtt(),
                GasDetectorLoad.GATEWAY_USER, load.password(), "bench-gateway", ParkAccounts.GATEWAY_GROUP,
                "parks/#", 1000, 300),
            RegistryView.of(load.points()), meters, Clock.systemUTC());
    }

    private static void send(List<PacedPublisher> publishers, ExecutorService threads, String run, long each,
                             double perSecond) throws Exception {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (PacedPublisher publisher : publishers) {
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    publisher.publish(run, each, perSecond);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, threads));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
    }

    private static long acknowledged(List<PacedPublisher> publishers) {
        return publishers.stream().mapToLong(PacedPublisher::acknowledged).sum();
    }
}
