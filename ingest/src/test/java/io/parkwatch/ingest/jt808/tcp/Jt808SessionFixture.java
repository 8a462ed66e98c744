package io.parkwatch.ingest.jt808.tcp;

import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory channel with the listener's own pipeline, a fixed clock, a gateway and a road to
 * the rejected topic that record what they get. Expected answers are written out byte for byte
 * from the standard (header, body, XOR check code, escapes), the authentication codes computed
 * apart as HMAC-SHA256 of the terminal number under the secret, first 16 bytes in upper-case hex.
 */
abstract class Jt808SessionFixture {

    static final String SECRET = "parkwatch-test-secret-0001";
    /** HMAC-SHA256("parkwatch-test-secret-0001", "013912345678"), 16 bytes, hex. */
    static final String CODE_2013 = "0532D8D80DCE7C7F8E2DA1E1B2DF396C";
    /** The same for the 2019 terminal number 00000000013912345678. */
    static final String CODE_2019 = "BD7F342788C6E56D93885515A89CE67C";
    static final PointEntry TRUCK = new PointEntry("ordos", "hazmat-co", "v-13", Module.LOGISTICS,
        "hazmat-vehicle", Duration.ofSeconds(30), null, TerminalFrames.PHONE_2013);
    static final PointEntry TRUCK_2019 = new PointEntry("ordos", "hazmat-co", "v-19", Module.LOGISTICS,
        "hazmat-vehicle", Duration.ofSeconds(30), null, TerminalFrames.PHONE_2019);

    static final TopicAddress UNKNOWN = new TopicAddress(null, null, null, PayloadKind.JT808);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    final Jt808ListenerMetrics metrics = new Jt808ListenerMetrics(new SimpleMeterRegistry());
    final RecordingGateway gateway = new RecordingGateway(false);
    RecordingRefusals refusals = new RecordingRefusals(true);
    EmbeddedChannel channel = channel(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(60)));

    EmbeddedChannel channel(Jt808TcpSettings settings) {
        Terminals terminals = new Terminals(RegistryView.of(List.of(TRUCK, TRUCK_2019)), gateway, refusals,
            new AuthenticationCodes(SECRET), settings, metrics, clock);
        EmbeddedChannel embedded = new EmbeddedChannel(Jt808Listener.pipeline(terminals));
        embedded.freezeTime();
        return embedded;
    }

    void authenticate() {
        send(TerminalFrames.authentication2013(1, CODE_2013));
        assertThat(answers()).containsExactly(general2013(0, 1, 0x0102, 0));
    }

    void send(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.runPendingTasks();
    }

    void pass(Duration duration) {
        clock.advance(duration);
        channel.advanceTimeBy(duration.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    List<String> answers() {
        List<String> frames = new ArrayList<>();
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            // An empty write (flushing before a close) puts nothing on the wire.
            if (out.isReadable()) {
                frames.add(ByteBufUtil.hexDump(out).toUpperCase());
            }
            out.release();
        }
        return frames;
    }

    /** 0x8001 to the 2013 terminal, written out field by field (values here need no escaping). */
    static String general2013(int platformSerial, int serial, int messageId, int result) {
        String content = String.format("8001 0005 %s %04X %04X %04X %02X", TerminalFrames.PHONE_2013, platformSerial,
            serial, messageId, result).replace(" ", "");
        return "7E" + content + check(content) + "7E";
    }

    static String general2019(int platformSerial, int serial, int messageId, int result) {
        String content = String.format("8001 4005 01 %s %04X %04X %04X %02X", TerminalFrames.PHONE_2019,
            platformSerial, serial, messageId, result).replace(" ", "");
        return "7E" + content + check(content) + "7E";
    }

    /** The XOR of the content's bytes, two hex digits. */
    static String check(String content) {
        int check = 0;
        for (byte b : hex(content)) {
            check ^= b & 0xFF;
        }
        return String.format("%02X", check);
    }
}
