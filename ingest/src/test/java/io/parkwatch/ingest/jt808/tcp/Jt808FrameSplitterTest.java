package io.parkwatch.ingest.jt808.tcp;

import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.concat;
import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Jt808FrameSplitterTest {

    private final Jt808ListenerMetrics metrics = new Jt808ListenerMetrics(new SimpleMeterRegistry());
    private final EmbeddedChannel channel = new EmbeddedChannel(new Jt808FrameSplitter(metrics));

    /** Three frames, one with escaped bytes in its body and check code region. */
    private final byte[] heartbeat = TerminalFrames.v2013(0x0002, 1, "");
    private final byte[] escaped = TerminalFrames.v2013(0x0200, 2, TerminalFrames.LOCATION_BODY + " 7E7D7E");
    private final byte[] location = TerminalFrames.v2019(0x0200, 3, TerminalFrames.LOCATION_BODY);

    @Test
    void findsEveryFrameWhereverTheReadsSplitTheStream() {
        byte[] stream = concat(heartbeat, escaped, location);
        assertThat(hex(escaped)).contains("7D02").contains("7D01");
        for (int cut = 1; cut < stream.length; cut++) {
            EmbeddedChannel split = new EmbeddedChannel(new Jt808FrameSplitter(metrics));
            split.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, 0, cut)));
            split.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, cut, stream.length)));

            assertThat(frames(split)).as("cut at byte %d", cut).containsExactly(heartbeat, escaped, location);
        }
    }

    @Test
    void findsFramesFedOneByteAtATime() {
        for (byte b : concat(heartbeat, escaped, location)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat(frames(channel)).containsExactly(heartbeat, escaped, location);
    }

    @Test
    void findsGluedFramesInOneRead() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(heartbeat, escaped, location, heartbeat)));

        assertThat(frames(channel)).containsExactly(heartbeat, escaped, location, heartbeat);
    }

    @Test
    void readsFramesThatShareTheirFlag() {
        byte[] shared = concat(heartbeat, Arrays.copyOfRange(location, 1, location.length));

        channel.writeInbound(Unpooled.wrappedBuffer(shared));

        assertThat(frames(channel)).containsExactly(heartbeat, location);
    }

    @Test
    void skipsAndCountsGarbageBeforeTheFirstFlag() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(hex("0102 0304 05"), heartbeat)));

        assertThat(frames(channel)).containsExactly(heartbeat);
        assertThat(metrics.garbageBytesCount()).isEqualTo(5);
    }

    @Test
    void passesBytesBetweenFramesOnAsACandidateAndLosesNoFrameAfterThem() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(heartbeat, hex("AABB"), location)));

        // The closing flag of the heartbeat opens "AABB": a candidate the session refuses; the frame after it stands.
        assertThat(frames(channel)).containsExactly(heartbeat, hex("7EAABB7E"),
            Arrays.copyOfRange(location, 0, location.length)).hasSize(3);
    }

    @Test
    void endsTheStreamOnARunLongerThanTheLongestFramePassingItsHeadOn() {
        byte[] flood = new byte[Jt808FrameSplitter.MAX_FRAME_BYTES];
        flood[0] = 0x7E;
        Arrays.fill(flood, 1, flood.length, (byte) 0x41);

        channel.writeInbound(Unpooled.wrappedBuffer(flood));
        channel.writeInbound(Unpooled.wrappedBuffer(heartbeat));

        assertThat(channel.config().isAutoRead()).as("reading stops").isFalse();
        List<Object> out = outputs(channel);
        assertThat(out).as("nothing after the overlong run is split").singleElement()
            .isInstanceOfSatisfying(Jt808FrameSplitter.Overlong.class, overlong -> {
                assertThat(overlong.head()).isEqualTo(flood);
                assertThat(overlong.length()).isEqualTo(Jt808FrameSplitter.MAX_FRAME_BYTES);
            });
        assertThat(metrics.closedCount(Jt808ListenerMetrics.CLOSE_FRAME_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void endsTheStreamOnAClosedRunLongerThanTheLongestFrame() {
        byte[] tooLong = new byte[Jt808FrameSplitter.MAX_FRAME_BYTES + 1];
        Arrays.fill(tooLong, (byte) 0x41);
        tooLong[0] = 0x7E;
        tooLong[tooLong.length - 1] = 0x7E;

        channel.writeInbound(Unpooled.wrappedBuffer(tooLong));

        assertThat(outputs(channel)).singleElement().isInstanceOfSatisfying(Jt808FrameSplitter.Overlong.class,
            overlong -> {
                assertThat(overlong.head()).isEqualTo(Arrays.copyOf(tooLong, Jt808FrameSplitter.MAX_FRAME_BYTES));
                assertThat(overlong.length()).isEqualTo(tooLong.length);
            });
    }

    @Test
    void keepsALongestFrameThatEndsInTime() {
        byte[] longest = new byte[Jt808FrameSplitter.MAX_FRAME_BYTES];
        Arrays.fill(longest, (byte) 0x41);
        longest[0] = 0x7E;
        longest[longest.length - 1] = 0x7E;

        channel.writeInbound(Unpooled.wrappedBuffer(longest));

        assertThat(channel.isOpen()).isTrue();
        assertThat(frames(channel)).containsExactly(longest);
    }

    private static List<Object> outputs(EmbeddedChannel channel) {
        List<Object> out = new ArrayList<>();
        for (Object each = channel.readInbound(); each != null; each = channel.readInbound()) {
            out.add(each);
        }
        return out;
    }

    private static List<byte[]> frames(EmbeddedChannel channel) {
        List<byte[]> frames = new ArrayList<>();
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add((byte[]) frame);
        }
        return frames;
    }
}
