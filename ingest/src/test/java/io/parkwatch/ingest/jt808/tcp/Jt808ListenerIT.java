package io.parkwatch.ingest.jt808.tcp;

import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.LOCATION_BODY;
import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.concat;
import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener on a real loopback port, terminals as plain sockets, and a gateway that records what it gets. */
class Jt808ListenerIT {

    private static final PointEntry TRUCK = new PointEntry("ordos", "hazmat-co", "v-13", Module.LOGISTICS,
        "hazmat-vehicle", Duration.ofSeconds(30), null, TerminalFrames.PHONE_2013);

    private final RecordingGateway gateway = new RecordingGateway(true);
    private Jt808Listener listener;

    @BeforeEach
    void start() throws Exception {
        listener = Jt808Listener.start(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(60)),
            RegistryView.of(List.of(TRUCK)), gateway, new RecordingRefusals(true), new AuthenticationCodes("parkwatch-test-secret-0001"),
            new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void aTerminalRegistersAuthenticatesAndHasItsReportsTakenAndAnswered() throws Exception {
        try (Socket terminal = connect()) {
            send(terminal, TerminalFrames.v2013(0x0100, 1, ""));
            byte[] registered = readFrame(terminal.getInputStream());
            assertThat(hex(registered)).startsWith("8100").contains("000100");
            String code = new String(Arrays.copyOfRange(registered, 15, registered.length),
                StandardCharsets.US_ASCII);

            send(terminal, TerminalFrames.authentication2013(2, code));
            assertThat(hex(readFrame(terminal.getInputStream()))).startsWith("80010005").contains("0002010200");

            byte[] report = TerminalFrames.v2013(0x0200, 3, LOCATION_BODY);
            byte[] heartbeat = TerminalFrames.v2013(0x0002, 4, "");
            byte[] stream = concat(report, heartbeat, TerminalFrames.v2013(0x0200, 5, LOCATION_BODY));
            // One report cut across two TCP writes, the rest glued together in the second.
            terminal.getOutputStream().write(stream, 0, 7);
            terminal.getOutputStream().flush();
            Thread.sleep(50);
            terminal.getOutputStream().write(stream, 7, stream.length - 7);
            terminal.getOutputStream().flush();

            List<String> answers = List.of(hex(readFrame(terminal.getInputStream())),
                hex(readFrame(terminal.getInputStream())), hex(readFrame(terminal.getInputStream())));
            assertThat(answers).anySatisfy(a -> assertThat(a).endsWith("0003020000"))
                .anySatisfy(a -> assertThat(a).endsWith("0004000200"))
                .anySatisfy(a -> assertThat(a).endsWith("0005020000"));
        }
        assertThat(gateway.calls()).hasSize(2).allSatisfy(call -> assertThat(call.address())
            .isEqualTo(new TopicAddress("ordos", null, "v-13", PayloadKind.JT808)));
        assertThat(gateway.calls().get(0).payload()).isEqualTo(TerminalFrames.v2013(0x0200, 3, LOCATION_BODY));
    }

    @Test
    void closesAnUnauthenticatedReporterAndAFlooderWithoutDisturbingAnotherTerminal() throws Exception {
        try (Socket good = connect(); Socket reporter = connect(); Socket flooder = connect()) {
            send(good, TerminalFrames.v2013(0x0100, 1, ""));
            readFrame(good.getInputStream());
            for (int serial = 1; serial <= 3; serial++) {
                send(reporter, TerminalFrames.v2013(0x0200, serial, LOCATION_BODY));
            }
            byte[] flood = new byte[4096];
            Arrays.fill(flood, (byte) 0x41);
            flood[0] = 0x7E;
            send(flooder, flood);

            assertThat(drainUntilClosed(reporter.getInputStream())).isTrue();
            assertThat(drainUntilClosed(flooder.getInputStream())).isTrue();
            send(good, TerminalFrames.v2013(0x0002, 2, ""));
            assertThat(hex(readFrame(good.getInputStream()))).endsWith("0002000201");
        }
        assertThat(gateway.calls()).isEmpty();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", listener.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next frame's header and body, unescaped, its check code verified and dropped. */
    private static byte[] readFrame(InputStream in) throws IOException {
        int b = in.read();
        while (b != 0x7E) {
            assertThat(b).as("the connection closed before a frame").isNotEqualTo(-1);
            b = in.read();
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (b = in.read(); b != 0x7E; b = in.read()) {
            assertThat(b).as("the connection closed inside a frame").isNotEqualTo(-1);
            content.write(b == 0x7D ? (in.read() == 0x01 ? 0x7D : 0x7E) : b);
        }
        if (content.size() == 0) {
            return readFrame(in);
        }
        byte[] bytes = content.toByteArray();
        int check = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            check ^= bytes[i] & 0xFF;
        }
        assertThat(bytes[bytes.length - 1] & 0xFF).as("check code").isEqualTo(check);
        return Arrays.copyOf(bytes, bytes.length - 1);
    }

    private static boolean drainUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (true) {
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (java.net.SocketException reset) {
                return true;
            }
        }
    }
}
