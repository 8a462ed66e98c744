package io.parkwatch.ingest.jt808.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds JT/T 808 frames in a connection's byte stream, whatever the read boundaries: every run of
 * bytes between two 0x7E flags is a frame candidate, passed on as a {@code byte[]} with its flags
 * (the session verifies it). Terminals write {@code 7E…7E 7E…7E} or share the flag between frames
 * ({@code 7E…7E…7E}): both read the same, because a closing flag may open the next frame and an
 * empty run is no frame. Bytes before the first flag are garbage, skipped and counted. A candidate
 * longer than any frame the standard allows ends the stream: its sender is not speaking JT/T 808,
 * and waiting for its flag would hold unbounded memory. Its head goes on as an {@link Overlong}
 * for the session to refuse and close the connection, reading stops, and nothing more is split.
 */
final class Jt808FrameSplitter extends ByteToMessageDecoder {

    /**
     * The longest frame on the wire: a 2019 split header (21 bytes), a 1023-byte body and the check
     * code, every byte escaped into two, and the two flags.
     */
    static final int MAX_FRAME_BYTES = 2 * (21 + 1023 + 1) + 2;

    private static final Logger LOG = LoggerFactory.getLogger(Jt808FrameSplitter.class);
    private static final byte FLAG = 0x7E;

    /**
     * A run that passed the longest frame without its closing flag: its first bytes as received
     * (opening flag included, at most {@link #MAX_FRAME_BYTES}) and how many had arrived.
     */
    record Overlong(byte[] head, int length) {
    }

    private final Jt808ListenerMetrics metrics;
    /** A flag has been read and no closing flag yet: the bytes that follow are a frame's. */
    private boolean inFrame;
    /** An overlong run ended the stream: what follows is not read. */
    private boolean ended;

    Jt808FrameSplitter(Jt808ListenerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (ended) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            if (!inFrame) {
                int flag = in.indexOf(in.readerIndex(), in.writerIndex(), FLAG);
                int garbage = (flag < 0 ? in.writerIndex() : flag) - in.readerIndex();
                metrics.garbage(garbage);
                in.skipBytes(garbage);
                if (flag >= 0) {
                    in.skipBytes(1);
                    inFrame = true;
                }
                continue;
            }
            int start = in.readerIndex();
            int end = in.indexOf(start, in.writerIndex(), FLAG);
            if (end < 0) {
                // The opening flag, the bytes so far and a closing flag still to come.
                if (in.readableBytes() + 2 > MAX_FRAME_BYTES) {
                    tooLong(ctx, in, in.readableBytes() + 1, out);
                }
                return;
            }
            if (end == start) {
                in.skipBytes(1);
                continue;
            }
            int content = end - start;
            if (content + 2 > MAX_FRAME_BYTES) {
                tooLong(ctx, in, content + 2, out);
                return;
            }
            byte[] frame = new byte[content + 2];
            frame[0] = FLAG;
            in.getBytes(start, frame, 1, content);
            frame[content + 1] = FLAG;
            // The closing flag is consumed, so an idle connection holds no buffer, and it opens the next frame.
            in.readerIndex(end + 1);
            out.add(frame);
        }
    }

    private void tooLong(ChannelHandlerContext ctx, ByteBuf in, int length, List<Object> out) {
        metrics.closed(Jt808ListenerMetrics.CLOSE_FRAME_TOO_LONG);
        LOG.warn("JT/T 808 connection {}: {} bytes without a closing 0x7E flag exceed the longest frame the "
            + "standard allows ({} bytes); closing it", ctx.channel().remoteAddress(), length, MAX_FRAME_BYTES);
        byte[] head = new byte[Math.min(length, MAX_FRAME_BYTES)];
        head[0] = FLAG;
        in.getBytes(in.readerIndex(), head, 1, head.length - 1);
        in.skipBytes(in.readableBytes());
        inFrame = false;
        ended = true;
        ctx.channel().config().setAutoRead(false);
        out.add(new Overlong(head, length));
    }
}
