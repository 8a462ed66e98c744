package io.parkwatch.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.bench.BenchLoad;
import io.parkwatch.bench.GatewayJvm;
import io.parkwatch.bench.Publishers;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.RegistryRuntime;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthReport;
import io.parkwatch.transport.health.HealthStatus;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's scenario, small: garbage records sit on the alerts, readings and registry topics;
 * two gateways share the subscription on HiveMQ as the demo runs it (file persistence, receive
 * maximum 1,000); a burst of QoS 1 messages is published, and the second gateway, a process of
 * its own, is SIGKILLed mid-burst and started again with the same client id. Every message the
 * broker acknowledged must reach Kafka, and both gateways must say ready afterwards. The
 * readings tally meets the garbage reading first and must read past it: a tally that stopped
 * there is what reported the "stall" (see docs/running.md, "Garbage records and a killed gateway").
 */
class GarbageRecordsBurstIT {

    private static final int MESSAGES = 3_000;
    private static final int PUBLISHERS = 4;
    /** {@code parkwatch ingest}'s default and the demo's: the window of the issue's gateways. */
    private static final int RECEIVE_MAXIMUM = 1_000;
    /**
     * Not a speed bound: on a quiet machine everything is in Kafka about a second after the last
     * PUBACK; the stall of the report lasted minutes.
     */
    private static final Duration STALL_BOUND = Duration.ofSeconds(60);
    private static final byte[] GARBAGE = "\u00ffgarbage{".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void everyAcknowledgedMessageReachesKafkaDespiteGarbageRecordsAndAGatewayKilledMidBurst() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        BenchLoad load = new BenchLoad(PUBLISHERS);
        String run = "garbage-burst-" + System.currentTimeMillis();
        Path log = Files.createDirectories(Path.of("target", "crash-logs")).resolve(run + ".log").toAbsolutePath();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Health health = new Health(meters);
        try (ReadingIdTally tally = new ReadingIdTally(kafka, run + "-")) {
            // The registry loads while the broker starts, as in the demo.
            CompletableFuture<KafkaPointDirectory> registry = RegistryRuntime.directoryAsync(KafkaConnection.to(kafka),
                SampleRegistry.generate(BenchLoad.PARK_SEED), "garbage-burst-1-registry", meters);
            try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(
                     SharedServers.directory("garbage-burst"), new StaticAccessPolicy(load.accounts()))
                     .withPersistence(MqttPersistence.FILE));
                 KafkaPointDirectory directory = registry.get()) {
                // After the load, which would remove an unknown registry key: the garbage stays.
                writeGarbage(kafka);
                burst(kafka, broker.uri(), load, run, tally, directory, health, log);
            }
        }
    }

    private void burst(String kafka, String mqtt, BenchLoad load, String run, ReadingIdTally tally,
                       KafkaPointDirectory directory, Health health, Path log) throws Exception {
        int metricsPort = freePort();
        // The second gateway's JVM starts while the first, in this JVM, connects.
        CompletableFuture<GatewayJvm> starting = CompletableFuture.supplyAsync(() -> startSecond(kafka, mqtt, load,
            log, metricsPort));
        GatewayJvm second = null;
        try (GatewayRuntime first = GatewayRuntime.start(kafka, new MqttSubscriptionSettings(mqtt,
                 BenchLoad.GATEWAY_USER, load.password(), "garbage-burst-1", ParkAccounts.GATEWAY_GROUP, "parks/#",
                 RECEIVE_MAXIMUM, 3600), directory, new SimpleMeterRegistry(), Clock.systemUTC())) {
            second = starting.get();
            try (Publishers publishers = Publishers.connect(mqtt, load, run)) {
                first.registerHealth(health);
                health.started();
                // Half the burst may go before the restarted gateway is back, the rest after: the
                // kill falls mid-burst, and the restarted gateway takes part in what follows.
                AtomicLong released = new AtomicLong(MESSAGES / 2);
                CompletableFuture<Void> sending = publishers.start(run, MESSAGES, released::get);
                awaitAcknowledged(publishers, MESSAGES / 3);
                second.kill();
                second = startSecond(kafka, mqtt, load, log, metricsPort);
                released.set(MESSAGES);
                sending.get(STALL_BOUND.toSeconds(), TimeUnit.SECONDS);
                assertThat(publishers.acknowledged()).as("PUBACKs received").isEqualTo(MESSAGES);

                long deadline = System.nanoTime() + STALL_BOUND.toNanos();
                while (tally.distinct() < MESSAGES && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                String secondReady = get("http://127.0.0.1:" + metricsPort + "/health/ready");
                HealthReport firstReady = health.ready();
                assertThat(tally.distinct()).as("acknowledged messages in Kafka within %d s of the last PUBACK; "
                    + "readiness then: first gateway %s, second %s (log %s)", STALL_BOUND.toSeconds(),
                    firstReady, secondReady, log).isEqualTo(MESSAGES);
                long lost = LongStream.range(0, MESSAGES).filter(n -> !tally.contains(BenchLoad.messageId(run, n)))
                    .count();
                System.out.printf("garbage records and a killed gateway: %d messages, %d lost, %d duplicates, "
                    + "%d unreadable readings skipped by the tally; the restarted gateway: %s%n", MESSAGES, lost,
                    tally.duplicates(), tally.unreadable(), received(metricsPort));
                assertThat(lost).isZero();
                assertThat(tally.unreadable()).as("the tally read past the garbage reading").isPositive();
                assertThat(firstReady.status()).as("first gateway: %s", firstReady).isEqualTo(HealthStatus.UP);
                assertThat(secondReady).as("second gateway's /health/ready").startsWith("200 ")
                    .contains("\"ingest.progress\",\"status\":\"UP\"");
            }
        } finally {
            if (second != null) {
                second.killQuietly();
            } else {
                starting.thenAccept(GatewayJvm::killQuietly);
            }
        }
    }

    /**
     * {@code parkwatch ingest} as the report's second gateway: no registry of its own to load (it
     * reads the topic, garbage included), C1 only (a quicker start; this load needs no C2).
     */
    private static GatewayJvm startSecond(String kafka, String mqtt, BenchLoad load, Path log, int metricsPort) {
        try {
            return GatewayJvm.start(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), List.of(
                    "--kafka", kafka, "--mqtt", mqtt, "--mqtt-user", BenchLoad.GATEWAY_USER, "--client-id",
                    "garbage-burst-2", "--receive-maximum", String.valueOf(RECEIVE_MAXIMUM),
                    "--metrics-port=" + metricsPort),
                Map.of("PARKWATCH_MQTT_PASSWORD", new String(load.password())), log, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the second gateway", e);
        }
    }

    /** One record each that no reader can parse, as the report wrote them. */
    private static void writeGarbage(String kafka) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String topic : List.of(Topics.ALERTS.name(), Topics.READINGS.name(), Topics.REGISTRY.name())) {
                byte[] key = "point:garbage/e000/garbage".getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key, GARBAGE)).get();
            }
        }
    }

    private static void awaitAcknowledged(Publishers publishers, long count) throws InterruptedException {
        long deadline = System.nanoTime() + STALL_BOUND.toNanos();
        while (publishers.acknowledged() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(publishers.acknowledged()).as("PUBACKs before the kill").isGreaterThanOrEqualTo(count);
    }

    /** The gateway's count of messages received, from its {@code /metrics}. */
    private static String received(int metricsPort) {
        return get("http://127.0.0.1:" + metricsPort + "/metrics").lines()
            .filter(line -> line.startsWith("parkwatch_ingest_messages_received_total")).findFirst()
            .orElse("no received count");
    }

    /** {@code "<status> <body>"}, or what went wrong. */
    private static String get(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
