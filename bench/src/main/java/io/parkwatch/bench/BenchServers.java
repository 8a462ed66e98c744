package io.parkwatch.bench;

import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Embedded Kafka and the chosen MQTT broker in a scratch directory, all gone on {@link #close()}. */
public final class BenchServers implements AutoCloseable {

    /** Messages in flight towards one client: the gateway's receive maximum, on both brokers. */
    static final int BROKER_INFLIGHT = 1_000;

    private final Path dir;
    private final EmbeddedKafka kafka;
    private final MqttBroker broker;

    private BenchServers(Path dir, EmbeddedKafka kafka, MqttBroker broker) {
        this.dir = dir;
        this.kafka = kafka;
        this.broker = broker;
    }

    public static BenchServers start(BrokerKind kind, MqttPersistence persistence, StaticAccessPolicy policy)
        throws IOException {
        Path dir = Files.createTempDirectory("parkwatch-bench-");
        EmbeddedKafka kafka = null;
        try {
            kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")));
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
            Path brokerDir = Files.createDirectories(dir.resolve("mqtt"));
            MqttBroker broker = kind == BrokerKind.HIVEMQ
                ? EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(brokerDir, policy).withPersistence(persistence))
                : MosquittoBroker.start(MosquittoConfig.defaults(brokerDir, policy).withPersistence(persistence)
                    .withMaxInflightMessages(BROKER_INFLIGHT));
            return new BenchServers(dir, kafka, broker);
        } catch (IOException | RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            delete(dir);
            throw e;
        }
    }

    public String kafka() {
        return kafka.bootstrapServers();
    }

    public String mqtt() {
        return broker.uri();
    }

    /** CPU time of this JVM and of a broker running as a child process (Mosquitto). */
    public CpuClock cpu() {
        return new CpuClock(broker instanceof MosquittoBroker mosquitto ? OptionalLong.of(mosquitto.pid())
            : OptionalLong.empty());
    }

    @Override
    public void close() {
        broker.close();
        kafka.close();
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }
}
