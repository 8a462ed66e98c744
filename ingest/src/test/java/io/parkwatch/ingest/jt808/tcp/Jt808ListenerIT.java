package io.parkwatch.ingest.jt808.tcp;

import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.gateway.GatewayMetrics;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.gateway.SessionChain;
import io.parkwatch.ingest.jt808.Jt808Format;
import io.parkwatch.ingest.publish.KafkaReadingPublisher;
import io.parkwatch.testkit.KafkaWindow;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.kafka.KafkaRejectionPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JT/T 808 terminals on real TCP sockets, through the gateway's chain into a real Kafka. Frames are
 * built by {@link TerminalFrames} and {@link WireTerminal}, which share nothing with the decoder.
 * Each answer is taken as the moment to look: Kafka is read only up to the end offsets it has then,
 * so a reading or rejection written after its answer would be missed and fail the test.
 */
class Jt808ListenerIT {

    private static final PointEntry TRUCK_2013 = new PointEntry("ordos", "hazmat-co", "v-13", Module.LOGISTICS,
        "hazmat-vehicle", Duration.ofSeconds(30), null, TerminalFrames.PHONE_2013);
    private static final PointEntry TRUCK_2019 = new PointEntry("ordos", "hazmat-co", "v-19", Module.LOGISTICS,
        "hazmat-vehicle", Duration.ofSeconds(30), null, TerminalFrames.PHONE_2019);
    private static final Duration SHORT_HEARTBEAT = Duration.ofSeconds(1);

    private static ScheduledExecutorService scheduler;
    private static KafkaReadingPublisher readings;
    private static KafkaRejectionPublisher rejections;
    private static Jt808Listener listener;
    /** Beside the other, with a 1 s heartbeat: only the silence test uses it, so a slow Kafka closes no one. */
    private static Jt808Listener quickListener;
    private static KafkaWindow kafka;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = SharedServers.kafka().bootstrapServers();
        kafka = new KafkaWindow(bootstrap);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        readings = KafkaReadingPublisher.create(bootstrap, Topics.READINGS);
        rejections = KafkaRejectionPublisher.create(bootstrap, "jt808-tcp-it-rejected", Topics.REJECTED);
        RegistryView directory = RegistryView.of(List.of(TRUCK_2013, TRUCK_2019));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SessionChain chain = new SessionChain(directory, Map.of(PayloadKind.JT808, new Jt808Format(directory)),
            readings, rejections, new GatewayMetrics(meters), GatewaySettings.DEFAULTS, Clock.systemUTC(), scheduler,
            () -> true);
        AuthenticationCodes codes = new AuthenticationCodes("parkwatch-test-secret-0001");
        listener = Jt808Listener.start(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(60)), directory, chain,
            chain, codes, meters, Clock.systemUTC());
        quickListener = Jt808Listener.start(Jt808TcpSettings.of("127.0.0.1", 0, SHORT_HEARTBEAT), directory, chain,
            chain, codes, meters, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        for (Jt808Listener each : new Jt808Listener[] {listener, quickListener}) {
            if (each != null) {
                each.close();
            }
        }
        if (readings != null) {
            readings.close();
            rejections.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Test
    void a2013TerminalRegistersAuthenticatesAndEachReportIsInKafkaBeforeItsAnswer() throws Exception {
        everyReportIsInKafkaBeforeItsAnswer(new WireTerminal(TerminalFrames.PHONE_2013, false), TRUCK_2013);
    }

    @Test
    void a2019TerminalRegistersAuthenticatesAndEachReportIsInKafkaBeforeItsAnswer() throws Exception {
        everyReportIsInKafkaBeforeItsAnswer(new WireTerminal(TerminalFrames.PHONE_2019, true), TRUCK_2019);
    }

    private static void everyReportIsInKafkaBeforeItsAnswer(WireTerminal wire, PointEntry vehicle) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Socket terminal = connect(listener)) {
            send(terminal, wire.frame(0x0100, 1, WireTerminal.registrationBody()));
            byte[] registered = readFrame(terminal.getInputStream());
            assertThat(wire.messageId(registered)).isEqualTo(0x8100);
            byte[] body = wire.body(registered);
            assertThat(hex(Arrays.copyOf(body, 3))).as("answer serial 1, result 0").isEqualTo("000100");
            String code = new String(body, 3, body.length - 3, StandardCharsets.US_ASCII);

            send(terminal, wire.authentication(2, code));
            assertThat(wire.generalAnswer(readFrame(terminal.getInputStream()))).isEqualTo("0002 0102 00");

            // One report cut across two TCP writes.
            Map<TopicPartition, Long> before = kafka.readingsEnd();
            byte[] report = wire.frame(0x0200, 3, WireTerminal.location(now.minusSeconds(20), 40.0, 116.0));
            terminal.getOutputStream().write(report, 0, 7);
            terminal.getOutputStream().flush();
            Thread.sleep(50);
            send(terminal, Arrays.copyOfRange(report, 7, report.length));
            assertThat(wire.generalAnswer(readFrame(terminal.getInputStream()))).isEqualTo("0003 0200 00");
            assertThat(kafka.readingsUpToNow(before)).filteredOn(r -> r.point().equals(vehicle.id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.messageId()).isEqualTo(wire.phone() + "|3|" + now.minusSeconds(20).toEpochMilli());
                    assertThat(r.park()).isEqualTo("ordos");
                    assertThat(r.observedAt()).isEqualTo(now.minusSeconds(20));
                    assertThat(r.position().latitude()).isEqualTo(40.0);
                    assertThat(r.position().longitude()).isEqualTo(116.0);
                });

            before = kafka.readingsEnd();
            send(terminal, wire.frame(0x0704, 4, WireTerminal.batch(
                WireTerminal.location(now.minusSeconds(90), 40.1, 116.1),
                WireTerminal.location(now.minusSeconds(60), 40.2, 116.2),
                WireTerminal.location(now.minusSeconds(60), 40.3, 116.3))));
            assertThat(wire.generalAnswer(readFrame(terminal.getInputStream()))).isEqualTo("0004 0704 00");
            List<Reading> batch = kafka.readingsUpToNow(before).stream()
                .filter(r -> r.point().equals(vehicle.id())).toList();
            assertThat(batch).extracting(r -> r.position().latitude()).containsExactlyInAnyOrder(40.1, 40.2, 40.3);
            assertThat(batch).extracting(Reading::messageId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith(wire.phone() + "|4|"));
        }
    }

    @Test
    void aReportBeforeAuthenticationAWrongCodeAndABadFrameAreInTheRejectedTopicWithTheirBytes() throws Exception {
        WireTerminal wire = new WireTerminal(TerminalFrames.PHONE_2013, false);
        try (Socket terminal = connect(listener)) {
            byte[] early = wire.frame(0x0200, 11, WireTerminal.location(Instant.now().minusSeconds(5), 40.0, 116.0));
            Map<TopicPartition, Long> before = kafka.rejectedEnd();
            send(terminal, early);
            assertThat(wire.generalAnswer(readFrame(terminal.getInputStream()))).isEqualTo("000B 0200 01");
            assertThat(rejectionOf(kafka.rejectedUpToNow(before), early)).satisfies(r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.JT808_NOT_AUTHENTICATED);
                assertThat(r.park()).isEqualTo("ordos");
                assertThat(r.source()).startsWith("tcp:jt808 from /127.0.0.1:");
            });

            byte[] wrongCode = wire.authentication(12, "0123456789ABCDEF0123456789ABCDEF");
            before = kafka.rejectedEnd();
            send(terminal, wrongCode);
            assertThat(wire.generalAnswer(readFrame(terminal.getInputStream()))).isEqualTo("000C 0102 01");
            assertThat(rejectionOf(kafka.rejectedUpToNow(before), wrongCode).reason())
                .isEqualTo(RejectReason.JT808_BAD_AUTH_CODE);

            byte[] badCheck = TerminalFrames.withBadCheckCode(wire.frame(0x0002, 13, new byte[0]));
            before = kafka.rejectedEnd();
            send(terminal, badCheck);
            assertThat(wire.generalAnswer(readFrame(terminal.getInputStream()))).isEqualTo("000D 0002 02");
            assertThat(rejectionOf(kafka.rejectedUpToNow(before), badCheck)).satisfies(r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.JT808_BAD_CHECK_CODE);
                assertThat(r.park()).as("a frame that does not check names no one").isNull();
            });
        }
    }

    @Test
    void closesAnUnauthenticatedReporterAndAFlooderWithoutDisturbingAnotherTerminal() throws Exception {
        WireTerminal wire = new WireTerminal(TerminalFrames.PHONE_2013, false);
        try (Socket good = connect(listener); Socket reporter = connect(listener); Socket flooder = connect(listener)) {
            send(good, wire.frame(0x0100, 1, WireTerminal.registrationBody()));
            readFrame(good.getInputStream());
            for (int serial = 1; serial <= 3; serial++) {
                send(reporter, wire.frame(0x0200, serial, WireTerminal.location(Instant.now(), 40.0, 116.0)));
            }
            byte[] flood = new byte[4096];
            Arrays.fill(flood, (byte) 0x41);
            flood[0] = 0x7E;
            Map<TopicPartition, Long> before = kafka.rejectedEnd();
            send(flooder, flood);

            assertThat(answersUntilClosed(reporter.getInputStream(), wire)).as("each refusal answered, then closed")
                .containsExactly("0001 0200 01", "0002 0200 01", "0003 0200 01");
            assertThat(answersUntilClosed(flooder.getInputStream(), wire)).isEmpty();
            // Closed once the rejection of the run's head is in Kafka.
            assertThat(rejectionOf(kafka.rejectedUpToNow(before),
                Arrays.copyOf(flood, Jt808FrameSplitter.MAX_FRAME_BYTES)).reason())
                .isEqualTo(RejectReason.JT808_MALFORMED);
            send(good, wire.frame(0x0002, 2, new byte[0]));
            assertThat(wire.generalAnswer(readFrame(good.getInputStream()))).isEqualTo("0002 0002 01");
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterThreeHeartbeatIntervals() throws Exception {
        WireTerminal wire = new WireTerminal(TerminalFrames.PHONE_2013, false);
        try (Socket terminal = connect(quickListener)) {
            send(terminal, wire.frame(0x0100, 1, WireTerminal.registrationBody()));
            readFrame(terminal.getInputStream());
            long silentSince = System.nanoTime();

            assertThat(answersUntilClosed(terminal.getInputStream(), wire)).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).as("not closed before three intervals")
                .isGreaterThanOrEqualTo(SHORT_HEARTBEAT.multipliedBy(3).minusMillis(100));
        }
    }

    private static Rejection rejectionOf(List<Rejection> written, byte[] raw) {
        return written.stream().filter(r -> Arrays.equals(r.raw(), raw)).findFirst()
            .orElseThrow(() -> new AssertionError("no rejection of " + hex(raw) + " among " + written.size()
                + " written before its answer"));
    }

    private static Socket connect(Jt808Listener to) throws IOException {
        Socket socket = new Socket("127.0.0.1", to.port());
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static void send(Socket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next frame's header and body, unescaped, its check code verified and dropped. */
    private static byte[] readFrame(InputStream in) throws IOException {
        byte[] frame = WireTerminal.readFrame(in);
        assertThat(frame).as("the connection closed before a frame").isNotNull();
        return frame;
    }

    /** The general answers the connection gets until the platform closes it (the read times out otherwise). */
    private static List<String> answersUntilClosed(InputStream in, WireTerminal wire) throws IOException {
        List<String> answers = new ArrayList<>();
        try {
            for (byte[] frame = WireTerminal.readFrame(in); frame != null; frame = WireTerminal.readFrame(in)) {
                answers.add(wire.generalAnswer(frame));
            }
        } catch (SocketException reset) {
            // Closed with data unread on our side: a reset is a close too.
        }
        return answers;
    }
}
