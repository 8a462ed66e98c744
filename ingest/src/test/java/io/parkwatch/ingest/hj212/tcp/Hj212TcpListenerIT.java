package io.parkwatch.ingest.hj212.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.gateway.GatewayMetrics;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.gateway.SessionChain;
import io.parkwatch.ingest.hj212.Hj212Format;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.publish.KafkaReadingPublisher;
import io.parkwatch.testkit.KafkaWindow;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.kafka.KafkaRejectionPublisher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HJ 212 data loggers on real TCP sockets, through the gateway's chain into a real Kafka. */
class Hj212TcpListenerIT {

    private static final PointEntry STACK = new PointEntry("ordos", "power-co", "stack-1", Module.ENVIRONMENT,
        "cems-stack", Duration.ofMinutes(1), WirePackets.MN, null);
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Request ids unique across runs against the shared Kafka: each test finds its own records. */
    private static final AtomicLong QN = new AtomicLong(Long.parseLong(
        LocalDateTime.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"))));

    private static ScheduledExecutorService scheduler;
    private static KafkaReadingPublisher readings;
    private static KafkaRejectionPublisher rejections;
    private static Hj212TcpListener listener;
    private static String kafka;

    @BeforeAll
    static void start() throws IOException {
        kafka = SharedServers.kafka().bootstrapServers();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        readings = KafkaReadingPublisher.create(kafka, Topics.READINGS);
        rejections = KafkaRejectionPublisher.create(kafka, "hj212-tcp-it-rejected", Topics.REJECTED);
        RegistryView directory = RegistryView.of(List.of(STACK));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SessionChain chain = new SessionChain(directory, Map.of(PayloadKind.HJ212,
            new Hj212Format(directory, GatewaySettings.DEFAULTS.units(), Hj212Settings.holdingParts())), readings,
            rejections, new GatewayMetrics(meters), GatewaySettings.DEFAULTS, Clock.systemUTC(), scheduler, () -> true);
        listener = Hj212TcpListener.start(Hj212TcpSettings.of("127.0.0.1", 0),
            Hj212Passwords.of(Map.of(WirePackets.MN, WirePackets.PW)), directory, chain, chain, meters);
    }

    @AfterAll
    static void stop() {
        if (listener != null) {
            listener.close();
        }
        if (readings != null) {
            readings.close();
            rejections.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static String qn() {
        return String.valueOf(QN.incrementAndGet());
    }

    private static String upload(String qn, String pw) {
        return WirePackets.upload(qn, WirePackets.MN, pw,
            LocalDateTime.now(ZoneOffset.ofHours(8)).format(DATA_TIME), 35.2);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", listener.port());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(WirePackets.bytes(text));
        socket.getOutputStream().flush();
    }

    /** One answer packet, up to its CR LF; null at the end of the stream. */
    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.US_ASCII);
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void aGoodPacketIsInKafkaBeforeItsDataAnswerArrives() throws Exception {
        String qn = qn();
        try (KafkaWindow window = new KafkaWindow(kafka);
             Socket logger = connect()) {
            Map<TopicPartition, Long> before = window.readingsEnd();
            send(logger, upload(qn, WirePackets.PW));

            String answer = answer(logger);

            assertThat(answer).startsWith("##").contains("QN=" + qn + ";ST=91;CN=9014;").endsWith("\r\n");
            // Read only now, and only up to the end offsets as they stand at the answer: the reading must be there.
            List<Reading> written = window.readingsUpToNow(before);
            assertThat(written).filteredOn(r -> r.messageId().equals(WirePackets.MN + "|" + qn + "|a21026-Rtd"))
                .singleElement().satisfies(r -> {
                    assertThat(r.pointKey()).isEqualTo("ordos/power-co/stack-1");
                    assertThat(r.value()).isEqualTo(35.2);
                });
        }
    }

    @Test
    void aWrongPasswordIsAnsweredQnRtn3AndLandsInTheRejectedTopicWithItsBytes() throws Exception {
        String qn = qn();
        String packet = upload(qn, "guess123");
        try (Socket logger = connect()) {
            send(logger, packet);
            assertThat(answer(logger)).contains("QN=" + qn + ";ST=91;CN=9011;").contains("QnRtn=3&&");
        }
        Rejection rejection = awaitRejection(r -> new String(r.raw(), StandardCharsets.US_ASCII).contains(qn));
        assertThat(rejection.reason()).isEqualTo(RejectReason.HJ212_BAD_PASSWORD);
        assertThat(rejection.raw()).isEqualTo(WirePackets.bytes(packet));
        assertThat(rejection.park()).isEqualTo("ordos");
        assertThat(rejection.source()).startsWith("tcp:hj212 from /127.0.0.1:");
    }

    @Test
    void anUnknownMnIsAnsweredQnRtn4() throws Exception {
        String qn = qn();
        try (Socket logger = connect()) {
            send(logger, WirePackets.upload(qn, "99999990000009", WirePackets.PW, "20261123155900", 1.0));
            assertThat(answer(logger)).contains("QN=" + qn + ";").contains("QnRtn=4&&");
        }
    }

    @Test
    void bytesBetweenPacketsAreSkippedAndEachPacketIsAnsweredInOrder() throws Exception {
        String first = qn();
        String second = qn();
        String third = qn();
        String stream = "\u0000\u0000AT\r\n" + upload(first, WirePackets.PW) + "#noise##\u00ff" + upload(second, WirePackets.PW)
            + upload(third, WirePackets.PW);
        int half = stream.length() / 2;
        try (Socket logger = connect()) {
            send(logger, stream.substring(0, half));
            send(logger, stream.substring(half));

            assertThat(List.of(answer(logger), answer(logger), answer(logger))).satisfiesExactly(
                a -> assertThat(a).contains("QN=" + first + ";ST=91;CN=9014;"),
                a -> assertThat(a).contains("QN=" + second + ";ST=91;CN=9014;"),
                a -> assertThat(a).contains("QN=" + third + ";ST=91;CN=9014;"));
        }
    }

    @Test
    void fiveFailedLoginsCloseTheConnectionAndAnotherConnectionIsUnaffected() throws Exception {
        try (Socket good = connect(); Socket bad = connect()) {
            for (int i = 0; i < Hj212TcpSettings.DEFAULT_MAX_FAILED_LOGINS; i++) {
                send(bad, upload(qn(), "wrong" + i));
            }
            for (int i = 0; i < Hj212TcpSettings.DEFAULT_MAX_FAILED_LOGINS; i++) {
                assertThat(answer(bad)).contains("QnRtn=3&&");
            }
            assertThat(answer(bad)).as("closed by the gateway after the fifth refusal").isNull();

            String qn = qn();
            send(good, upload(qn, WirePackets.PW));
            assertThat(answer(good)).contains("QN=" + qn + ";ST=91;CN=9014;");
        }
    }

    private static <V> KafkaConsumer<String, V> consumer(TopicSpec<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, TopicSpec<?, ?> topic) {
        return consumer.partitionsFor(topic.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static Rejection awaitRejection(Predicate<Rejection> which) {
        try (KafkaConsumer<String, Rejection> consumer = consumer(Topics.REJECTED)) {
            List<TopicPartition> partitions = partitions(consumer, Topics.REJECTED);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (which.test(record.value())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no such rejection in " + Topics.REJECTED.name());
    }
}
