package io.parkwatch.bench.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The kills of a chaos run, each recorded as a {@link ChaosStep} when it is over. */
final class ChaosSteps {

    /** How long a killed service stays dead: long enough for its peers to notice and take over. */
    private static final Duration DEAD = Duration.ofSeconds(3);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    private final ServiceProcesses services;
    private final MqttNode mqtt;
    private final KafkaNode kafka;
    private final InfluxNode influx;
    private final List<ChaosStep> done;

    ChaosSteps(ServiceProcesses services, MqttNode mqtt, KafkaNode kafka, InfluxNode influx, List<ChaosStep> done) {
        this.services = services;
        this.mqtt = mqtt;
        this.kafka = kafka;
        this.influx = influx;
        this.done = done;
    }

    void settle(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** SIGKILL of one service process, started again a few seconds later; back when it prints its ready line. */
    void killService(String name) throws Exception {
        ServiceProcess service = services.get(name);
        long start = System.nanoTime();
        service.kill();
        Thread.sleep(DEAD.toMillis());
        service.start();
        record(name, "SIGKILL", start, Map.of());
        settle(Duration.ofSeconds(5));
    }

    /** The MQTT broker stopped and started again; the gateways' probes watched. */
    void stopBroker() throws Exception {
        try (ReadinessWatch watch = new ReadinessWatch(List.of(services.get("gateway-1"), services.get("gateway-2")))) {
            long start = System.nanoTime();
            mqtt.stop();
            Thread.sleep(BROKER_DOWN.toMillis());
            mqtt.restart();
            watch.awaitRecovered(RECOVERY);
            record("mqtt", mqtt.stopSignal(), start, watch.seen());
        }
        settle(Duration.ofSeconds(5));
    }

    /** Kafka killed with SIGKILL and started again; every service's probe watched. */
    void killKafka() throws Exception {
        try (ReadinessWatch watch = new ReadinessWatch(services.all())) {
            long start = System.nanoTime();
            kafka.kill();
            Thread.sleep(BROKER_DOWN.toMillis());
            kafka.restart();
            watch.awaitRecovered(RECOVERY);
            record("kafka", "SIGKILL", start, watch.seen());
        }
        settle(Duration.ofSeconds(5));
    }

    /** influxd killed with SIGKILL and kept down for {@code outage}; the sinks' probes watched. */
    void influxOutage(Duration outage) throws Exception {
        try (ReadinessWatch watch = new ReadinessWatch(List.of(services.get("sink-1"), services.get("sink-2")))) {
            long start = System.nanoTime();
            influx.kill();
            Thread.sleep(outage.toMillis());
            influx.restart();
            watch.awaitRecovered(RECOVERY);
            record("influxd", "SIGKILL", start, watch.seen());
        }
        settle(Duration.ofSeconds(5));
    }

    private void record(String target, String signal, long startNanos, Map<String, ReadinessWatch.Seen> readiness) {
        ChaosStep step = new ChaosStep(target, signal, (System.nanoTime() - startNanos) / 1e9, readiness);
        done.add(step);
        System.out.printf("chaos: %s %s, back after %.1f s %s%n", target, signal, step.seconds(), readiness);
    }
}
