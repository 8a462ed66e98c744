package io.parkwatch.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.hj212.Hj212Crc;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The binary and ASCII wire formats end to end on real servers: HJ 212 packets and JT/T 808
 * frames published over the embedded HiveMQ at QoS 1 go through the gateway (GatewayRuntime)
 * into the real Kafka topics, and the data logger is answered on its feedback topic. Holding
 * the parts of a split packet sent one by one is proven on Mosquitto.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolFormatsIT {

    private static final String MN = "010000A8900016F0001F0A01";
    private static final String TERMINAL = "013912345678";
    private static final String HJ212_TOPIC = "parks/testpark/enterprises/e1/hj212";
    private static final String TRUCK_TOPIC = "parks/testpark/vehicles/truck-formats/jt808";

    private final List<Reading> readings = new CopyOnWriteArrayList<>();
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> feedback = new LinkedBlockingQueue<>();
    private GatewayRuntime gateway;
    private RegistryView directory;
    private KafkaConsumer<String, Reading> readingConsumer;
    private KafkaConsumer<String, Rejection> rejectionConsumer;
    private MqttClient logger;

    /** Session expiry 0: these gateways leave no session in the shared group behind for later tests. */
    @BeforeAll
    void startGateway() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        PointEntry stack = new PointEntry(TestAccounts.PARK, TestAccounts.ENTERPRISE_1, "stack-formats",
            Module.ENVIRONMENT, "cems-stack", Duration.ofMinutes(1), MN, null);
        PointEntry truck = new PointEntry(TestAccounts.PARK, TestAccounts.ENTERPRISE_1, "truck-formats",
            Module.LOGISTICS, "hazmat-vehicle", Duration.ofSeconds(30), null, TERMINAL);
        directory = RegistryView.of(List.of(stack, truck));
        readingConsumer = consumer(kafka, Topics.READINGS);
        rejectionConsumer = consumer(kafka, Topics.REJECTED);
        gateway = GatewayRuntime.start(kafka, new MqttSubscriptionSettings(SharedServers.mqtt().uri(),
                TestAccounts.GATEWAY, TestAccounts.password(TestAccounts.GATEWAY), "gateway-formats",
                ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 0),
            directory, new SimpleMeterRegistry(), Clock.systemUTC());
        logger = connect(SharedServers.mqtt(), TestAccounts.username(TestAccounts.ENTERPRISE_1), "logger-formats");
        logger.subscribe(new MqttSubscription[] {new MqttSubscription("parks/testpark/enterprises/e1/feedback/#", 1)},
            new IMqttMessageListener[] {(topic, message) ->
                feedback.add(new String(message.getPayload(), StandardCharsets.US_ASCII))});
    }

    @AfterAll
    void stopGateway() throws Exception {
        // Null checks: a failed start must report its own cause, not a follow-on NPE.
        if (logger != null) {
            logger.disconnect();
            logger.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (readingConsumer != null) {
            readingConsumer.close();
        }
        if (rejectionConsumer != null) {
            rejectionConsumer.close();
        }
    }

    private static <V> KafkaConsumer<String, V> consumer(String kafka, TopicSpec<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "formats-" + topic.name() + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    private static MqttClient connect(MqttBroker broker, String user, String clientId) throws Exception {
        MqttClient client = new MqttClient(broker.uri(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(new String(TestAccounts.password(user)).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        return client;
    }

    private static void publish(MqttClient client, String topic, byte[] payload) throws Exception {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message);
    }

    private List<Reading> awaitReadings(Predicate<Reading> which, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            readingConsumer.poll(Duration.ofMillis(200)).forEach(r -> readings.add(r.value()));
            assertThat(readings.stream().filter(which)).hasSize(count);
        });
        return readings.stream().filter(which).toList();
    }

    private String awaitFeedback(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String answer = feedback.poll(1, TimeUnit.SECONDS);
            if (answer != null && answer.contains(containing)) {
                return answer;
            }
        }
        throw new AssertionError("no feedback containing " + containing);
    }

    /** The CRC of a reply matches its data segment, and the length field its length. */
    private static void assertValidPacket(String packet) {
        assertThat(packet).startsWith("##").endsWith("\r\n");
        String segment = packet.substring(6, packet.length() - 6);
        assertThat(Integer.parseInt(packet.substring(2, 6))).isEqualTo(segment.length());
        assertThat(packet.substring(packet.length() - 6, packet.length() - 2)).isEqualToIgnoringCase(Hj212Crc.hex(segment));
    }

    @Test
    void anHj212RealTimePacketBecomesReadingsAndIsAnsweredWithA9014DataAnswer() throws Exception {
        Instant dataTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
        String qn = uniqueQn(0);
        publish(logger, HJ212_TOPIC, WireFrames.hj212(qn, "2011", MN, dataTime,
            "a21026-Rtd=35.2,a21026-Flag=N;a21002-Rtd=48.1,a21002-Flag=T;a00000-Rtd=12.5")
            .getBytes(StandardCharsets.US_ASCII));

        List<Reading> got = awaitReadings(r -> r.messageId().startsWith(MN + '|' + qn + '|'), 3);
        assertThat(got).extracting(Reading::metric, Reading::value, Reading::unit, Reading::quality)
            .containsExactlyInAnyOrder(
                tuple("a21026-Rtd", 35.2, "mg/m3", Quality.N),
                tuple("a21002-Rtd", 48.1, "mg/m3", Quality.T),
                tuple("a00000-Rtd", 12.5, "m3/s", Quality.N));
        assertThat(got).allSatisfy(r -> {
            assertThat(r.pointKey()).isEqualTo("testpark/e1/stack-formats");
            assertThat(r.domain()).isEqualTo(Domain.EMISSIONS);
            assertThat(r.sourceFormat()).isEqualTo(SourceFormat.HJ212);
            assertThat(r.observedAt()).isEqualTo(dataTime);
        });
        String reply = awaitFeedback("QN=" + qn + ";");
        assertThat(reply).contains(";ST=91;CN=9014;").contains("MN=" + MN).contains(";Flag=4;CP=&&&&");
        assertValidPacket(reply);
    }

    @Test
    void allPartsOfASplitHj212PacketInOneMessageAreReadAsOnePacket() throws Exception {
        Instant dataTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
        String qn = uniqueQn(2);
        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        parts.writeBytes(WireFrames.hj212Part(qn, MN, dataTime, 2, 2, "a19001-Rtd=6.4"));
        parts.writeBytes(WireFrames.hj212Part(qn, MN, dataTime, 2, 1, "a21026-Rtd=30.5"));
        publish(logger, HJ212_TOPIC, parts.toByteArray());

        assertThat(awaitReadings(r -> r.messageId().startsWith(MN + '|' + qn + '|'), 2))
            .extracting(Reading::metric, Reading::value).containsExactlyInAnyOrder(
                tuple("a21026-Rtd", 30.5), tuple("a19001-Rtd", 6.4));
        assertThat(awaitFeedback("QN=" + qn + ";")).contains(";CN=9014;");
    }

    /**
     * Holding parts unacknowledged needs a broker that keeps delivering meanwhile: Mosquitto does
     * (HiveMQ CE does not, see Hj212Settings), so this runs a second gateway, holding, on Mosquitto.
     */
    @Test
    void separatelySentPartsAreHeldUntilWholeByAGatewayOnMosquitto() throws Exception {
        MqttBroker mosquitto = SharedServers.mosquitto();
        Instant dataTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
        String qn = uniqueQn(3);
        try (GatewayRuntime holding = GatewayRuntime.start(SharedServers.kafka().bootstrapServers(),
                new MqttSubscriptionSettings(mosquitto.uri(), TestAccounts.GATEWAY,
                    TestAccounts.password(TestAccounts.GATEWAY), "gateway-formats-mosquitto",
                    ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 0),
                directory, new SimpleMeterRegistry(), Clock.systemUTC(), Hj212Settings.holdingParts())) {
            MqttClient sender = connect(mosquitto, TestAccounts.username(TestAccounts.ENTERPRISE_1), "logger-mosquitto");
            publish(sender, HJ212_TOPIC, WireFrames.hj212Part(qn, MN, dataTime, 3, 3, "a01012-Rtd=140.5"));
            publish(sender, HJ212_TOPIC, WireFrames.hj212Part(qn, MN, dataTime, 3, 1, "a21026-Rtd=31.5"));
            publish(sender, HJ212_TOPIC, WireFrames.hj212Part(qn, MN, dataTime, 3, 2, "a19001-Rtd=6.6"));
            sender.disconnect();
            sender.close();

            assertThat(awaitReadings(r -> r.messageId().startsWith(MN + '|' + qn + '|'), 3))
                .extracting(Reading::metric).containsExactlyInAnyOrder("a21026-Rtd", "a19001-Rtd", "a01012-Rtd");
        }
    }

    private static String uniqueQn(int salt) {
        return "2026" + String.format("%013d", (System.nanoTime() + salt) % 10_000_000_000_000L);
    }

    @Test
    void anHj212PacketWithABadCrcIsRejectedWithItsBytesAndAnsweredWithQnRtn9() throws Exception {
        String qn = uniqueQn(1);
        String packet = WireFrames.hj212(qn, "2011", MN, Instant.now().minusSeconds(10), "a21026-Rtd=35.2");
        byte[] corrupt = WireFrames.withCrc(packet, packet.contains("0000\r\n") ? "0001" : "0000");
        publish(logger, HJ212_TOPIC, corrupt);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            rejectionConsumer.poll(Duration.ofMillis(200)).forEach(r -> rejections.add(r.value()));
            assertThat(rejections).anySatisfy(r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.HJ212_BAD_CRC);
                assertThat(r.source()).isEqualTo(HJ212_TOPIC);
                assertThat(r.format()).isEqualTo(SourceFormat.HJ212);
                assertThat(r.raw()).isEqualTo(corrupt);
            });
        });
        String reply = awaitFeedback("QN=" + qn + ";");
        assertThat(reply).contains(";CN=9011;").contains("QnRtn=9&&");
        assertValidPacket(reply);
        assertThat(readings.stream().filter(r -> r.messageId().contains(qn))).isEmpty();
    }

    @Test
    void jt808LocationReportAndBatchBecomeLogisticsReadings() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MqttClient fleet = connect(SharedServers.mqtt(), TestAccounts.fleet(), "fleet-formats");
        publish(fleet, TRUCK_TOPIC, WireFrames.jt808(0x0200, TERMINAL, 7,
            WireFrames.location(39_908_692, 116_397_477, now.minusSeconds(5), 123_456)));
        publish(fleet, TRUCK_TOPIC, WireFrames.jt808(0x0704, TERMINAL, 8, WireFrames.batch(
            WireFrames.location(39_900_000, 116_390_000, now.minusSeconds(120), 123_400),
            WireFrames.location(39_904_000, 116_394_000, now.minusSeconds(60), 123_430))));
        fleet.disconnect();
        fleet.close();

        List<Reading> got = awaitReadings(r -> r.point().equals("truck-formats"), 6);
        assertThat(got).allSatisfy(r -> {
            assertThat(r.domain()).isEqualTo(Domain.LOGISTICS);
            assertThat(r.sourceFormat()).isEqualTo(SourceFormat.JT808);
            assertThat(r.quality()).isEqualTo(Quality.N);
        });
        assertThat(got.stream().filter(r -> r.metric().equals("position")))
            .extracting(Reading::observedAt, r -> r.position().latitude(), r -> r.position().longitude())
            .containsExactlyInAnyOrder(
                tuple(now.minusSeconds(5), 39.908692, 116.397477),
                tuple(now.minusSeconds(120), 39.9, 116.39),
                tuple(now.minusSeconds(60), 39.904, 116.394));
        assertThat(got.stream().filter(r -> r.metric().equals("mileage")))
            .extracting(Reading::value, Reading::unit)
            .containsExactlyInAnyOrder(tuple(12345.6, "km"),
                tuple(12340.0, "km"), tuple(12343.0, "km"));
    }
}
