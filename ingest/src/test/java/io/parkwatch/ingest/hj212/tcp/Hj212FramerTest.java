package io.parkwatch.ingest.hj212.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Hj212FramerTest {

    private static final String ONE = WirePackets.upload("20261123155900123", WirePackets.MN, WirePackets.PW,
        "20261123155900", 35.2);
    private static final String TWO = WirePackets.upload("20261123155900456", WirePackets.MN, WirePackets.PW,
        "20261123155900", 48.1);

    private final EmbeddedChannel channel = new EmbeddedChannel(new Hj212Framer(4096));

    private List<Object> feed(byte[]... chunks) {
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        List<Object> events = new ArrayList<>();
        for (Object event = channel.readInbound(); event != null; event = channel.readInbound()) {
            events.add(event);
        }
        return events;
    }

    private static List<String> packets(List<Object> events) {
        return events.stream().filter(Hj212StreamEvent.Packet.class::isInstance)
            .map(e -> new String(((Hj212StreamEvent.Packet) e).raw(), StandardCharsets.US_ASCII)).toList();
    }

    private static int skipped(List<Object> events) {
        return events.stream().filter(Hj212StreamEvent.Skipped.class::isInstance)
            .mapToInt(e -> ((Hj212StreamEvent.Skipped) e).bytes()).sum();
    }

    /** The packet without its line end: what must arrive whatever the split. */
    private static String body(String packet) {
        return packet.replaceAll("\r?\n$", "");
    }

    @Test
    void twoGluedPacketsSplitAtEveryPositionAreFoundWhole() {
        byte[] stream = WirePackets.bytes(ONE + TWO);
        for (int cut = 0; cut <= stream.length; cut++) {
            EmbeddedChannel fresh = new EmbeddedChannel(new Hj212Framer(4096));
            fresh.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, 0, cut)));
            fresh.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, cut, stream.length)));
            List<Object> events = new ArrayList<>();
            for (Object event = fresh.readInbound(); event != null; event = fresh.readInbound()) {
                events.add(event);
            }
            assertThat(packets(events)).as("cut at %d", cut).extracting(Hj212FramerTest::body)
                .containsExactly(body(ONE), body(TWO));
            assertThat(skipped(events)).as("cut at %d: the line end is never garbage", cut).isZero();
            fresh.finishAndReleaseAll();
        }
    }

    @Test
    void aPacketArrivingOneByteAtATimeIsFoundOnceWithItsLineEndPassedOver() {
        List<Object> events = new ArrayList<>();
        for (byte b : WirePackets.bytes(ONE + TWO)) {
            events.addAll(feed(new byte[] {b}));
        }
        assertThat(packets(events)).extracting(Hj212FramerTest::body).containsExactly(body(ONE), body(TWO));
        assertThat(skipped(events)).isZero();
    }

    @Test
    void packetsArrivingWithTheirLineEndKeepItAsTheirRawBytes() {
        assertThat(packets(feed(WirePackets.bytes(ONE + TWO)))).containsExactly(ONE, TWO);
    }

    @Test
    void packetsEndingInLfAloneOrInNothingAreFramedByTheirLength() {
        String lf = body(ONE) + "\n";
        String bare = body(TWO);
        assertThat(packets(feed(WirePackets.bytes(lf + bare + lf)))).containsExactly(lf, bare, lf);
    }

    @Test
    void bytesBetweenPacketsAreSkippedToTheNextPacketStartAndCounted() {
        List<Object> events = feed(WirePackets.bytes("AT+OK\r\n" + ONE + "#x##ab#" + TWO + "\u0000\u0001"));

        assertThat(packets(events)).containsExactly(ONE, TWO);
        assertThat(skipped(events)).isEqualTo(7 + 7 + 2);
    }

    @Test
    void aHashBeforeAPacketIsSkippedAloneAndASplitStartIsWaitedFor() {
        List<Object> events = feed(WirePackets.bytes("#" + ONE.substring(0, 1)), WirePackets.bytes(ONE.substring(1)));
        assertThat(packets(events)).containsExactly(ONE);
        assertThat(skipped(events)).isEqualTo(1);
    }

    @Test
    void aLengthOverTheStandardsMaximumEndsTheStreamWithoutBufferingIt() {
        List<Object> events = feed(WirePackets.bytes("##9999QN=1;"), new byte[100_000], WirePackets.bytes(ONE));

        assertThat(events).singleElement().isInstanceOfSatisfying(Hj212StreamEvent.Overlong.class, overlong -> {
            assertThat(overlong.declared()).isEqualTo(9999);
            assertThat(new String(overlong.head(), StandardCharsets.US_ASCII)).startsWith("##9999QN=1;");
        });
    }

    @Test
    void aLengthAtTheMaximumIsStillFramed() {
        String segment = "QN=20261123155900123;ST=22;CN=2011;PW=x;MN=y;Flag=5;CP=&&";
        segment = segment + "a".repeat(1024 - segment.length() - 2) + "&&";
        String packet = WirePackets.frame(segment, "\r\n");
        assertThat(packets(feed(WirePackets.bytes(packet)))).containsExactly(packet);
    }

    @Test
    void aStreamOfGarbageIsCutOffOnceItExceedsTheBoundAndNothingMoreIsRead() {
        List<Object> events = feed(new byte[3000], new byte[3000], WirePackets.bytes(ONE));

        assertThat(events).last().isInstanceOfSatisfying(Hj212StreamEvent.Flooded.class,
            flooded -> assertThat(flooded.bytes()).isGreaterThan(4096));
        assertThat(packets(events)).isEmpty();
    }

    @Test
    void theGarbageBoundCountsOnlyBytesSinceTheLastPacket() {
        byte[] noise = new byte[3000];
        List<Object> events = feed(noise, WirePackets.bytes(ONE), noise, WirePackets.bytes(TWO));
        assertThat(packets(events)).containsExactly(ONE, TWO);
        assertThat(events).noneMatch(Hj212StreamEvent.Flooded.class::isInstance);
    }
}
