package io.parkwatch.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.simulator.tcp.AnswerListener.Outcome;
import io.parkwatch.simulator.wire.Hj212Encoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoggerClientTest {

    private static final String MN = "88888880000001";
    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");
    private static final TcpClientSettings FAST = TcpClientSettings.DEFAULTS.withAnswerTimeout(Duration.ofMillis(400));

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    private static byte[] packet() {
        return Hj212Encoder.packet("2011", MN, AT, AT, "a21026-Rtd=35.2,a21026-Flag=N");
    }

    /** An answer framed as the platform frames it. */
    private static String answer(String qn, String cn, String cp) {
        String segment = "QN=" + qn + ";ST=91;CN=" + cn + ";PW=s3cret;MN=" + MN + ";Flag=4;CP=&&" + cp + "&&";
        return String.format(Locale.ROOT, "##%04d", segment.length()) + segment + Hj212Encoder.crcHex(segment) + "\r\n";
    }

    private FieldClients logger(ScriptedServer server, TcpClientSettings settings) {
        FieldClients clients = new FieldClients(settings, (delivery, outcome) -> outcomes.add(outcome));
        clients.addLogger(MN, "s3cret", server.address());
        clients.start();
        clients.sendHj212(MN, new Delivery(packet(), "r1"));
        return clients;
    }

    @Test
    void sendsItsPasswordAsksForAnAnswerAndResendsAPacketNotAnsweredInTime() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); FieldClients clients = logger(server, FAST)) {
            server.accept();
            String first = server.readPacket();
            String again = server.readPacket();
            String qn = LoggerClient.qnOf(first.getBytes(StandardCharsets.US_ASCII));
            String data = answer(qn, "9014", "");
            // Noise, an answer to another packet, then the answer split over two writes.
            server.write("AT+CSQ\r\n" + answer("20261123100000000", "9014", ""));
            server.write(data.substring(0, 20));
            Thread.sleep(50);
            server.write(data.substring(20));

            assertThat(clients.finish(Duration.ofSeconds(5))).isTrue();
            assertThat(first).contains(";PW=s3cret;").contains(";Flag=5;").endsWith("\r\n");
            String segment = first.substring(6, first.length() - 6);
            assertThat(first.substring(first.length() - 6, first.length() - 2)).isEqualTo(Hj212Encoder.crcHex(segment));
            assertThat(again).isEqualTo(first);
            assertThat(outcomes).containsExactly(Outcome.ACCEPTED);
            assertThat(clients.counts().resent()).isEqualTo(1);
            assertThat(clients.counts().sent()).isEqualTo(1);
        }
    }

    @Test
    void aRefusalWithItsQnRtnSettlesThePacketWithoutResending() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); FieldClients clients = logger(server, FAST)) {
            server.accept();
            String qn = LoggerClient.qnOf(server.readPacket().getBytes(StandardCharsets.US_ASCII));
            server.write(answer(qn, "9011", "QnRtn=3"));

            assertThat(clients.finish(Duration.ofSeconds(5))).isTrue();
            assertThat(outcomes).containsExactly(Outcome.REFUSED);
            assertThat(clients.counts().resent()).isZero();
        }
    }

    @Test
    void aPacketNeverAnsweredIsGivenUpAfterItsAttempts() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             FieldClients clients = logger(server, FAST.withMaxAttempts(3))) {
            server.accept();
            for (int i = 0; i < 3; i++) {
                server.readPacket();
            }

            assertThat(clients.finish(Duration.ofSeconds(5))).isTrue();
            assertThat(outcomes).containsExactly(Outcome.UNANSWERED);
            assertThat(clients.counts().resent()).isEqualTo(2);
        }
    }

    @Test
    void whenThePlatformHangsUpTheLoggerReconnectsAndSendsThePacketAgain() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             FieldClients clients = logger(server, TcpClientSettings.DEFAULTS)) {
            server.accept();
            String first = server.readPacket();
            server.hangUp();
            server.accept();
            String again = server.readPacket();
            server.write(answer(LoggerClient.qnOf(again.getBytes(StandardCharsets.US_ASCII)),
                "9014", ""));

            assertThat(clients.finish(Duration.ofSeconds(5))).isTrue();
            assertThat(again).isEqualTo(first);
            assertThat(outcomes).containsExactly(Outcome.ACCEPTED);
            assertThat(clients.counts().connections()).isEqualTo(2);
        }
    }
}
