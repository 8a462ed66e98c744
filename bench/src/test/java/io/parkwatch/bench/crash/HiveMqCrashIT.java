package io.parkwatch.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.bench.BenchLoad;
import io.parkwatch.bench.GatewayJvm;
import io.parkwatch.bench.Publishers;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.infra.process.ChildJvm;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.process.HiveMqNodeMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The embedded HiveMQ, sessions on disk, killed with SIGKILL mid-stream and started again on the same port
 * and data directory while a gateway ({@code parkwatch ingest}, a process of its own) and QoS 1 publishers
 * stay connected: every message HiveMQ acknowledged, before the kill or after it, is in Kafka.
 *
 * <p>Without {@code StaleSharedDeliveries} (infra), HiveMQ restarted with the shared-subscription messages
 * that were in flight at the kill still marked in flight on disk: it never sent them again, counted them in
 * the queue's size, and so never woke the gateway for a new message once it had caught up: every message
 * published after the restart stayed queued (PUBACK 0x00 to the publishers) while the gateway idled,
 * connected and subscribed. On failure the test prints the gateway's health and metrics and dumps
 * HiveMQ's queue store ({@link HiveMqQueueDump}).
 */
class HiveMqCrashIT {

    private static final int PUBLISHERS = 2;
    /** Messages a second, over all publishers. */
    private static final long RATE = 200;
    private static final int TOTAL = 3_000;
    private static final int KILL_AT = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** HiveMQ's own log, in the broker's log file, with parkwatch's line on the deliveries it released. */
    private static final String HIVEMQ_LOGBACK = """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
          </appender>
          <logger name="com.hivemq" level="INFO"/>
          <logger name="io.parkwatch" level="INFO"/>
          <root level="WARN"><appender-ref ref="OUT"/></root>
        </configuration>
        """;

    @Test
    void everyMessageAcknowledgedAfterHiveMqWasKilledAndRestartedReachesKafka() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        BenchLoad load = new BenchLoad(PUBLISHERS);
        String run = "hivemq-crash-" + System.currentTimeMillis();
        Path logs = Files.createDirectories(Path.of("target", "crash-logs", run)).toAbsolutePath();
        Path work = SharedServers.directory(run);
        Path logins = logins(work, load);
        int port = LoopbackPorts.freePort();
        String uri = "tcp://127.0.0.1:" + port;
        List<String> args = List.of(work.resolve("hivemq").toString(), String.valueOf(port), logins.toString(),
            BenchLoad.GATEWAY_USER);
        Files.writeString(logs.resolve("hivemq-logback.xml"), HIVEMQ_LOGBACK);
        ChildJvm hivemq = startHiveMq(args, logs);
        GatewayJvm gateway = null;
        int metricsPort = LoopbackPorts.freePort();
        try (ReadingIdTally tally = new ReadingIdTally(kafka, run + "-")) {
            gateway = startGateway(kafka, uri, metricsPort, load, logs);
            try (Publishers publishers = Publishers.connect(uri, load, run)) {
                long loadStart = System.nanoTime();
                CompletableFuture<Void> sending = publishers.start(run, TOTAL,
                    () -> RATE * (System.nanoTime() - loadStart) / 1_000_000_000L);
                // Killed mid-stream: messages in flight to the gateway, others queued, publishers sending.
                while (publishers.acknowledged() < KILL_AT && !sending.isDone()) {
                    Thread.sleep(5);
                }
                hivemq.kill();
                long atKill = publishers.acknowledged();
                hivemq = startHiveMq(args, logs);

                sending.get(2 * WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(publishers.acknowledged()).as("PUBACKs").isGreaterThanOrEqualTo(TOTAL);
                awaitDistinct(tally, TOTAL);
                long lost = LongStream.range(0, TOTAL)
                    .filter(n -> !tally.contains(BenchLoad.messageId(run, n))).count();
                System.out.printf("HiveMQ crash: %d acknowledged (%d before the kill), %d in Kafka, %d lost %s, "
                    + "%d duplicates, PUBACK reason codes per publisher %s; logs %s%n", TOTAL, atKill,
                    tally.distinct(), lost, missing(tally, run), tally.duplicates(), publishers.reasonCodes(), logs);
                if (lost > 0) {
                    // What to look at: the gateway connected, subscribed, nothing in flight, yet idle; and the
                    // shared queue on disk holding what it never got (and what it holds as in flight).
                    System.out.println("gateway after the run:\n" + gatewayState(metricsPort));
                    hivemq.kill();
                    String dump = HiveMqQueueDump.dump(work.resolve("hivemq"));
                    Files.writeString(logs.resolve("queues.txt"), dump);
                    System.out.println(dump.lines().filter(l -> !l.startsWith("  ")).reduce("", (a, b) -> a + b + "\n"));
                }
                assertThat(lost).as("acknowledged messages missing from Kafka (logs: %s)", logs).isZero();
            }
        } finally {
            if (gateway != null) {
                gateway.killQuietly();
            }
            hivemq.killQuietly();
        }
    }

    private static GatewayJvm startGateway(String kafka, String uri, int metricsPort, BenchLoad load, Path logs)
        throws Exception {
        return GatewayJvm.start(List.of("-Xmx384m", "-XX:+UseSerialGC"), List.of("--kafka", kafka, "--mqtt", uri,
                "--mqtt-user", BenchLoad.GATEWAY_USER, "--client-id", "hivemq-crash-gateway", "--metrics-port",
                String.valueOf(metricsPort), "--sample-registry", "--seed", String.valueOf(BenchLoad.PARK_SEED)),
            Map.of("PARKWATCH_MQTT_PASSWORD", new String(load.password())), logs.resolve("gateway.log"),
            Duration.ofSeconds(60));
    }

    private static ChildJvm startHiveMq(List<String> args, Path logs) throws Exception {
        return ChildJvm.start("hivemq", List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-Dlogback.configurationFile=" + logs.resolve("hivemq-logback.xml")), HiveMqNodeMain.class.getName(), args,
            Map.of(), logs.resolve("hivemq.log"), HiveMqNodeMain.READY, Duration.ofSeconds(120));
    }

    /** The gateway's readiness and its ingest counters, for the failure message. */
    private static String gatewayState(int metricsPort) {
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/health/ready", "/metrics")) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
                body.lines().filter(line -> !line.startsWith("#") && (path.startsWith("/health")
                    || line.contains("ingest") || line.contains("mqtt"))).forEach(line -> state.append(line).append('\n'));
            } catch (IOException e) {
                state.append(path).append(": ").append(e).append('\n');
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return state.toString();
    }

    private static Path logins(Path work, BenchLoad load) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (MqttAccount account : load.accounts()) {
            lines.append(account.username()).append('=').append(load.password()).append('\n');
        }
        return Files.writeString(work.resolve("logins.properties"), lines.toString());
    }

    /** Per publisher: how many of its messages are missing from Kafka, the first and last of them. */
    private static String missing(ReadingIdTally tally, String run) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < PUBLISHERS; p++) {
            long count = 0;
            long first = -1;
            long last = -1;
            for (long n = p; n < TOTAL; n += PUBLISHERS) {
                if (!tally.contains(BenchLoad.messageId(run, n))) {
                    count++;
                    first = first < 0 ? n : first;
                    last = n;
                }
            }
            out.append(" publisher ").append(p).append(": ").append(count).append(" missing");
            if (count > 0) {
                out.append(" (").append(first).append("..").append(last).append(')');
            }
        }
        return "[" + out.toString().trim() + "]";
    }

    private static void awaitDistinct(ReadingIdTally tally, int target) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (tally.distinct() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
