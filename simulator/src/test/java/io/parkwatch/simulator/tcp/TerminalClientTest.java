package io.parkwatch.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.simulator.tcp.AnswerListener.Outcome;
import io.parkwatch.simulator.wire.Jt808Encoder;
import io.parkwatch.simulator.wire.Jt808Encoder.Fix;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TerminalClientTest {

    private static final String TERMINAL = "013912345678";
    private static final byte[] CODE = "0A1B2C3D4E5F".getBytes(StandardCharsets.US_ASCII);
    private static final TcpClientSettings FAST = TcpClientSettings.DEFAULTS.withAnswerTimeout(Duration.ofMillis(400));

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    /** Header fields of a frame the client sent: message id and serial. */
    private static int[] idAndSerial(byte[] frame) {
        byte[] content = Jt808Answer.unescape(frame, 1, frame.length - 1);
        return new int[] {Jt808Answer.word(content, 0), Jt808Answer.word(content, 10)};
    }

    private static byte[] general(int serial, int messageId, int result) {
        return Jt808Encoder.frame(0x8001, TERMINAL, 900, new byte[] {(byte) (serial >> 8), (byte) serial,
            (byte) (messageId >> 8), (byte) messageId, (byte) result});
    }

    private static byte[] registered(int serial) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(serial >> 8);
        body.write(serial);
        body.write(0);
        body.writeBytes(CODE);
        return Jt808Encoder.frame(0x8100, TERMINAL, 901, body.toByteArray());
    }

    /** A report whose serial escapes (0x7E in it), as a terminal's serial may. */
    private static byte[] report() {
        byte[] body = Jt808Encoder.locationBody(new Fix(43.9, 116.0, 1100, 40, 90, 0, 12.5,
            Instant.parse("2026-11-23T02:00:00Z")));
        return Jt808Encoder.frame(Jt808Encoder.LOCATION_REPORT, TERMINAL, 0x7E7D, body);
    }

    private FieldClients terminal(ScriptedServer server) {
        FieldClients clients = new FieldClients(FAST, (delivery, outcome) -> outcomes.add(outcome));
        clients.addTerminal(TERMINAL, server.address());
        clients.start();
        clients.sendJt808(TERMINAL, new Delivery(report(), "r1"));
        return clients;
    }

    /** Registers and authenticates the client on the accepted connection; returns the authentication body. */
    private static byte[] logIn(ScriptedServer server) throws Exception {
        int[] registration = idAndSerial(server.readFrame());
        assertThat(registration[0]).isEqualTo(Jt808Encoder.REGISTRATION);
        server.write(registered(registration[1]));
        byte[] authentication = server.readFrame();
        int[] auth = idAndSerial(authentication);
        assertThat(auth[0]).isEqualTo(Jt808Encoder.AUTHENTICATION);
        server.write(general(auth[1], Jt808Encoder.AUTHENTICATION, 0));
        byte[] content = Jt808Answer.unescape(authentication, 1, authentication.length - 1);
        return Arrays.copyOfRange(content, 12, content.length - 1);
    }

    @Test
    void registersAuthenticatesWithItsCodeAndWaitsForTheAnswerCarryingTheReportsSerial() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); FieldClients clients = terminal(server)) {
            server.accept();
            assertThat(logIn(server)).isEqualTo(CODE);
            int[] sent = idAndSerial(server.readFrame());
            assertThat(sent).containsExactly(Jt808Encoder.LOCATION_REPORT, 0x7E7D);
            // An answer to another serial, then the right one split over two writes.
            server.write(general(0x1234, Jt808Encoder.LOCATION_REPORT, 0));
            byte[] answer = general(0x7E7D, Jt808Encoder.LOCATION_REPORT, 0);
            server.write(Arrays.copyOfRange(answer, 0, 6));
            Thread.sleep(50);
            server.write(Arrays.copyOfRange(answer, 6, answer.length));

            assertThat(clients.finish(Duration.ofSeconds(5))).isTrue();
            assertThat(outcomes).containsExactly(Outcome.ACCEPTED);
            assertThat(clients.counts().resent()).isZero();
        }
    }

    @Test
    void resendsAReportNotAnsweredInTimeAndTakesResultTwoAsARefusal() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); FieldClients clients = terminal(server)) {
            server.accept();
            logIn(server);
            byte[] first = server.readFrame();
            byte[] again = server.readFrame();
            server.write(general(idAndSerial(again)[1], Jt808Encoder.LOCATION_REPORT, 2));

            assertThat(clients.finish(Duration.ofSeconds(5))).isTrue();
            assertThat(again).isEqualTo(first);
            assertThat(outcomes).containsExactly(Outcome.REFUSED);
            assertThat(clients.counts().resent()).isEqualTo(1);
        }
    }

    @Test
    void afterTheGatewayRestartsItAuthenticatesAgainWithTheSameCodeAndResends() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); FieldClients clients = terminal(server)) {
            server.accept();
            logIn(server);
            byte[] first = server.readFrame();
            server.hangUp();
            server.accept();
            byte[] authentication = server.readFrame();
            int[] auth = idAndSerial(authentication);
            assertThat(auth[0]).as("no second registration").isEqualTo(Jt808Encoder.AUTHENTICATION);
            server.write(general(auth[1], Jt808Encoder.AUTHENTICATION, 0));
            byte[] again = server.readFrame();
            server.write(general(idAndSerial(again)[1], Jt808Encoder.LOCATION_REPORT, 0));

            assertThat(clients.finish(Duration.ofSeconds(5))).isTrue();
            assertThat(again).isEqualTo(first);
            assertThat(outcomes).containsExactly(Outcome.ACCEPTED);
            assertThat(clients.counts().connections()).isEqualTo(2);
        }
    }
}
