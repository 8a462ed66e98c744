package io.parkwatch.testkit;

import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * The real servers of the integration tests, started once per test JVM on free loopback ports
 * and stopped by a shutdown hook when the JVM ends. A server that cannot start fails the test
 * that asked for it, loudly; nothing is skipped.
 */
public final class SharedServers {

    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
    private static Path root;
    private static EmbeddedKafka kafka;
    private static InfluxdProcess influxd;
    private static EmbeddedMqttBroker mqtt;
    private static MosquittoBroker mosquitto;

    private SharedServers() {
    }

    /** A Kafka broker with every parkwatch topic created (3 partitions each). */
    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = keep(EmbeddedKafka.start(EmbeddedKafkaConfig.of(directory("kafka"))));
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
        }
        return kafka;
    }

    /** Debian's influxd as a child process with a private data directory. */
    public static synchronized InfluxdProcess influxd() {
        if (influxd == null) {
            influxd = keep(InfluxdProcess.start(InfluxdConfig.loopback(0, directory("influxdb"))));
        }
        return influxd;
    }

    /** The embedded MQTT broker, accepting the {@link TestAccounts}. */
    public static synchronized EmbeddedMqttBroker mqtt() {
        if (mqtt == null) {
            mqtt = keep(EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(directory("mqtt"),
                new StaticAccessPolicy(TestAccounts.all()))));
        }
        return mqtt;
    }

    /** Debian's Mosquitto as a child process, with a password file and ACL from the {@link TestAccounts}. */
    public static synchronized MosquittoBroker mosquitto() {
        if (mosquitto == null) {
            mosquitto = keep(MosquittoBroker.start(MosquittoConfig.defaults(directory("mosquitto"),
                new StaticAccessPolicy(TestAccounts.all()))));
        }
        return mosquitto;
    }

    /** A fresh directory under this JVM's test root, removed when the JVM ends. */
    public static synchronized Path directory(String name) {
        try {
            if (root == null) {
                root = Files.createTempDirectory("parkwatch-it-");
                Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "shared-servers-stop"));
            }
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a test directory", e);
        }
    }

    private static <T extends AutoCloseable> T keep(T server) {
        STARTED.push(server);
        return server;
    }

    private static synchronized void stopAll() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            } catch (Exception e) {
                System.err.println("stopping a shared test server failed: " + e);
            }
        }
        deleteQuietly(root);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e);
        }
    }
}
