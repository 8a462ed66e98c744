package io.parkwatch.cli.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * Mosquitto (persistence on) stopped with SIGTERM and started again on its port and data directory
 * while an enterprise keeps publishing QoS 1. Mosquitto 2.0 restores the gateway's session but not
 * its shared subscription, so until the gateway has reconnected and subscribed again a publish
 * matches nobody: Mosquitto answers PUBACK 0x10 (no matching subscribers) and drops it. What
 * parkwatch guarantees and this test proves: a PUBACK of 0x00 means the reading is in Kafka, and
 * a publisher that sends a message answered 0x10 again loses nothing.
 */
class MosquittoRestartIT {

    private static final int SUCCESS = 0x00;
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    private static final String POINT = "elec-restart";
    private static final String TOPIC = "parks/" + TestAccounts.PARK + "/enterprises/" + TestAccounts.ENTERPRISE_1
        + "/points/" + POINT;
    /** Publishing goes on after the restart until this many in a row went through, the gateway being back. */
    private static final int SETTLED = 200;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path dir = SharedServers.directory("mosquitto-restart");
    /** Message number to the reason code of its first PUBACK, in publishing order. */
    private final Map<Integer, Integer> firstAnswers = new LinkedHashMap<>();

    @Test
    void aPubackOfZeroMeansKafkaAndAPublisherResendingNoMatchingSubscribersLosesNothing() throws Exception {
        MosquittoConfig config = MosquittoConfig.defaults(dir.resolve("broker"),
            new StaticAccessPolicy(TestAccounts.all())).withPersistence(MqttPersistence.FILE);
        MosquittoBroker broker = MosquittoBroker.start(config);
        config = config.withPort(broker.port());
        String kafka = SharedServers.kafka().bootstrapServers();
        PointEntry meter = new PointEntry(TestAccounts.PARK, TestAccounts.ENTERPRISE_1, POINT, Module.ENERGY,
            "electricity-meter", Duration.ofMinutes(1), null, null);
        try (GatewayRuntime gateway = GatewayRuntime.start(kafka, new MqttSubscriptionSettings(broker.uri(),
                 TestAccounts.GATEWAY, TestAccounts.password(TestAccounts.GATEWAY), "gateway-restart-" + run,
                 ParkAccounts.GATEWAY_GROUP, "parks/#", 100, Duration.ofDays(7).toSeconds()),
                 RegistryView.of(List.of(meter)), new SimpleMeterRegistry(), Clock.systemUTC());
             KafkaConsumer<String, Reading> consumer = consumer(kafka)) {
            MqttAsyncClient publisher = new MqttAsyncClient(broker.uri(), "e1-restart-" + run, new MemoryPersistence());
            connect(publisher);
            assertThat(publish(publisher, 0)).as("PUBACK before the restart").isEqualTo(SUCCESS);
            Set<String> seen = new HashSet<>();
            awaitInKafka(consumer, seen, List.of(id(0)));

            broker.close();
            long stopped = System.nanoTime();
            broker = MosquittoBroker.start(config);
            long restarted = System.nanoTime();
            connect(publisher);
            long connected = System.nanoTime();
            int lastRefused = publishUntilSettled(publisher, restarted);
            long settled = System.nanoTime();
            List<Integer> refused = firstAnswers.entrySet().stream().filter(e -> e.getValue() != SUCCESS)
                .map(Map.Entry::getKey).toList();
            assertThat(firstAnswers).as("answers other than success or no matching subscribers")
                .allSatisfy((n, code) -> assertThat(code).isIn(SUCCESS, NO_MATCHING_SUBSCRIBERS));
            List<String> acknowledged = new ArrayList<>(List.of(id(0)));
            firstAnswers.forEach((n, code) -> {
                if (code == SUCCESS) {
                    acknowledged.add(id(n));
                }
            });
            awaitInKafka(consumer, seen, acknowledged);
            assertThat(refused).as("a message answered 0x10 reached Kafka anyway: the broker's answer was wrong")
                .noneMatch(n -> seen.contains(id(n)));

            resend(publisher, refused);
            awaitInKafka(consumer, seen, refused.stream().map(this::id).toList());
            publisher.disconnect().waitForCompletion(5_000);
            publisher.close();
            System.out.printf("mosquitto restart IT: Mosquitto down %d ms; publisher connected %d ms after the "
                    + "restart; %d of %d messages answered 0x10 (no matching subscribers) until the gateway "
                    + "subscribed again (last refused: message %d), %d ms to %d in a row; every 0x00 and every "
                    + "resent message in Kafka%n", millis(restarted - stopped), millis(connected - restarted),
                refused.size(), firstAnswers.size(), lastRefused, millis(settled - connected), SETTLED);
        } finally {
            broker.close();
            printBrokerLog(dir.resolve("broker").resolve("mosquitto.log"));
        }
    }

    /** Publishes messages 1, 2, … until {@link #SETTLED} in a row succeeded; returns the last one refused. */
    private int publishUntilSettled(MqttAsyncClient publisher, long restarted) throws MqttException {
        int number = 1;
        int inARow = 0;
        int lastRefused = 0;
        while (inARow < SETTLED) {
            int code = publish(publisher, number);
            firstAnswers.put(number, code);
            inARow = code == SUCCESS ? inARow + 1 : 0;
            lastRefused = code == SUCCESS ? lastRefused : number;
            number++;
            assertThat(System.nanoTime() - restarted).as("the gateway never subscribed again")
                .isLessThan(Duration.ofSeconds(60).toNanos());
        }
        return lastRefused;
    }

    /** What an MQTT 5 publisher can do with 0x10: send the message again until a gateway takes it. */
    private void resend(MqttAsyncClient publisher, List<Integer> refused) throws MqttException {
        for (int n : refused) {
            int code;
            do {
                code = publish(publisher, n);
            } while (code == NO_MATCHING_SUBSCRIBERS);
            assertThat(code).as("PUBACK of resent message " + n).isEqualTo(SUCCESS);
        }
    }

    private static void connect(MqttAsyncClient publisher) throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        String user = TestAccounts.username(TestAccounts.ENTERPRISE_1);
        options.setUserName(user);
        options.setPassword(new String(TestAccounts.password(user)).getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try {
                publisher.connect(options).waitForCompletion(2_000);
                return true;
            } catch (MqttException notYet) {
                return false;
            }
        });
    }

    /** Publishes message {@code n} at QoS 1 and returns the PUBACK's reason code. */
    private int publish(MqttAsyncClient publisher, int n) throws MqttException {
        String payload = "{\"metric\":\"active_power\",\"value\":" + n + ",\"unit\":\"kW\",\"ts\":"
            + System.currentTimeMillis() + ",\"id\":\"" + id(n) + "\"}";
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken token = publisher.publish(TOPIC, message);
        token.waitForCompletion(10_000);
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? SUCCESS : codes[0];
    }

    private String id(int n) {
        return "restart-" + run + "-" + n;
    }

    private static void awaitInKafka(KafkaConsumer<String, Reading> consumer, Set<String> seen, List<String> ids) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value().messageId()));
            assertThat(ids).as("acknowledged messages missing from Kafka").allMatch(seen::contains);
        });
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void printBrokerLog(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            System.out.println("mosquitto log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                lines.size())));
        } catch (java.io.IOException e) {
            System.out.println("no mosquitto log: " + e);
        }
    }

    private KafkaConsumer<String, Reading> consumer(String kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "mosquitto-restart-" + run);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(props, Topics.READINGS.keySerde().deserializer(),
            Topics.READINGS.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.READINGS.name()));
        return consumer;
    }
}
