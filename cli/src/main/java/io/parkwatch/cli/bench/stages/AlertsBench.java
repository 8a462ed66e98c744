package io.parkwatch.cli.bench.stages;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.streams.app.StreamsApp;
import io.parkwatch.streams.app.StreamsSettings;
import io.parkwatch.streams.threshold.AlertsConfig;
import io.parkwatch.streams.threshold.AlertsTopology;
import io.parkwatch.streams.threshold.MicrometerThresholdMetrics;
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

/**
 * MQTT publish → alert in Kafka, on embedded Kafka and HiveMQ with the gateway and the threshold
 * alerts application (exactly-once, commit interval 200 ms as {@code parkwatch streams}) in this
 * JVM. Two probes run in the same window: readings in {@code parkwatch.readings.v1} (the gateway
 * alone) and RAISED alerts of the combustible-gas rule, each timed from its reading's send time.
 */
final class AlertsBench {

    record Result(long sent, long acknowledged, double sendSeconds, double[] readingMillis, double[] alertMillis,
                  long expectedAlerts) {

        double rate() {
            return acknowledged / sendSeconds;
        }
    }

    private final GasDetectorLoad load;

    AlertsBench(GasDetectorLoad load) {
        this.load = load;
    }

    Result run(double perSecond, long warmUp, long messages) throws Exception {
        Path dir = Files.createTempDirectory("parkwatch-bench-alerts-");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")))) {
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
            return run(kafka, dir, meters, perSecond, warmUp, messages);
        } finally {
            CoverageBench.delete(dir);
        }
    }

    private Result run(EmbeddedKafka kafka, Path dir, SimpleMeterRegistry meters, double perSecond, long warmUp,
                       long messages) throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(
                 Files.createDirectories(dir.resolve("mqtt")), new StaticAccessPolicy(load.accounts())));
             StreamsApp alerts = new StreamsApp(AlertsTopology.build(AlertsConfig.defaults(
                 new MicrometerThresholdMetrics(meters))), new StreamsSettings("bench-alerts",
                 kafka.bootstrapServers(), Files.createDirectories(dir.resolve("streams")), 1, 1,
                 Duration.ofMillis(200)), meters);
             GatewayRuntime gateway = startGateway(kafka, broker, meters)) {
            alerts.start(Duration.ofMinutes(2));
            List<PacedPublisher> publishers = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(load.publishers());
            try {
                for (int p = 0; p < load.publishers(); p++) {
                    publishers.add(PacedPublisher.connect(broker.uri(), load, p));
                }
                double each = perSecond / load.publishers();
                System.out.println("  (servers up; warm-up of " + warmUp + " messages)");
                send(publishers, threads, "warm", load.wholeRounds(warmUp / load.publishers()), each);
                Thread.sleep(3_000);
                Instant measured = Instant.now();
                try (LatencyProbe<Reading> readings = new LatencyProbe<>(kafka.bootstrapServers(), Topics.READINGS,
                        r -> r.messageId().startsWith("run-") ? r.observedAt() : null).start();
                     LatencyProbe<AlertEvent> raised = new LatencyProbe<>(kafka.bootstrapServers(), Topics.ALERTS,
                        a -> a.type() == AlertEventType.RAISED && GasDetectorLoad.RULE.equals(a.ruleId())
                            && !a.firstSeen().isBefore(measured) ? a.firstSeen() : null).start()) {
                    long perPublisher = messages / load.publishers();
                    long acknowledgedBefore = acknowledged(publishers);
                    System.out.println("  (measuring " + perPublisher * load.publishers() + " messages)");
                    long start = System.nanoTime();
                    send(publishers, threads, "run", perPublisher, each);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long sent = perPublisher * load.publishers();
                    long expected = expectedAlerts(perPublisher) * load.publishers();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while ((readings.count() < sent || raised.count() < expected) && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    return new Result(sent, acknowledged(publishers) - acknowledgedBefore, seconds, readings.samples(),
                        raised.samples(), expected);
                }
            } finally {
                publishers.forEach(PacedPublisher::close);
                threads.shutdownNow();
            }
        }
    }

    private long expectedAlerts(long perPublisher) {
        long count = 0;
        for (long k = 0; k < perPublisher; k++) {
            // A reading over the trigger after a normal one (or the first of the run) opens an alert.
            if (load.exceeds(k)) {
                count++;
            }
        }
        return count;
    }

    private GatewayRuntime startGateway(EmbeddedKafka kafka, EmbeddedMqttBroker broker, SimpleMeterRegistry meters)
            throws Exception {
        return GatewayRuntime.start(kafka.bootstrapServers(), new MqttSubscriptionSettings(broker.uri(),
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
