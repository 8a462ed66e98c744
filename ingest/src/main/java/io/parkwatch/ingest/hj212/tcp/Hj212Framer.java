package io.parkwatch.ingest.hj212.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.parkwatch.ingest.hj212.Hj212PacketParser;
import java.util.List;

/**
 * Finds HJ 212 packets in a TCP byte stream: {@code ##}, a four-digit length, that many
 * characters, four CRC characters, and the line end. The length alone delimits a packet, as the
 * standard frames it; checking the CRC, the characters and the fields is the packet parser's job,
 * so a packet that frames but does not check is refused with its reason rather than dropped.
 *
 * <p>A packet may arrive over several reads and several in one read. Bytes that start no packet
 * are skipped up to the next {@code ##} and counted; more than {@code maxSkippedBytes} of them
 * since the last packet end the stream ({@link Hj212StreamEvent.Flooded}). A length over the
 * standard's 1024 ends it too ({@link Hj212StreamEvent.Overlong}): nothing after it can be framed
 * with confidence, and nothing that large is buffered. The line end after the CRC (CR LF, or LF
 * alone as some loggers send it) goes with its packet when it arrives with it; a line end arriving
 * later is passed over, so that a packet is never held back waiting for its line end.
 */
final class Hj212Framer extends ByteToMessageDecoder {

    private static final int HEADER = 6;
    private static final int CRC = 4;
    private static final int HEAD_KEPT = 64;
    private static final byte HASH = '#';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final int maxSkippedBytes;
    private int skippedSincePacket;
    private int pendingSkipped;
    /** 0: nothing to pass over; 1: a CR LF or LF may follow the last packet; 2: its LF may follow a CR. */
    private int lineEnd;
    private boolean ended;

    Hj212Framer(int maxSkippedBytes) {
        this.maxSkippedBytes = maxSkippedBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!ended && in.isReadable()) {
            if (passLineEnd(in)) {
                continue;
            }
            int start = in.readerIndex();
            int hashes = packetStart(in);
            if (hashes != start) {
                int end = hashes >= 0 ? hashes : in.getByte(in.writerIndex() - 1) == HASH ? in.writerIndex() - 1
                    : in.writerIndex();
                if (end == start) {
                    break;
                }
                skip(in, end - start, out);
                continue;
            }
            if (in.readableBytes() < HEADER) {
                break;
            }
            int declared = length(in, start);
            if (declared < 0) {
                skip(in, 1, out);
                continue;
            }
            if (declared > Hj212PacketParser.MAX_DATA_SEGMENT) {
                flushSkipped(out);
                byte[] head = new byte[Math.min(in.readableBytes(), HEAD_KEPT)];
                in.getBytes(start, head);
                out.add(new Hj212StreamEvent.Overlong(declared, head));
                end(in);
                break;
            }
            if (!packet(in, HEADER + declared + CRC, out)) {
                break;
            }
        }
        flushSkipped(out);
        if (ended) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** Emits the packet of {@code framed} bytes once all are in; false while it is still arriving. */
    private boolean packet(ByteBuf in, int framed, List<Object> out) {
        int readable = in.readableBytes();
        if (readable < framed) {
            return false;
        }
        int at = in.readerIndex() + framed;
        int length = framed;
        lineEnd = 1;
        if (readable > framed && in.getByte(at) == LF) {
            length++;
            lineEnd = 0;
        } else if (readable > framed + 1 && in.getByte(at) == CR && in.getByte(at + 1) == LF) {
            length += 2;
            lineEnd = 0;
        }
        flushSkipped(out);
        byte[] raw = new byte[length];
        in.readBytes(raw);
        skippedSincePacket = 0;
        out.add(new Hj212StreamEvent.Packet(raw));
        return true;
    }

    /** Passes over a line end that arrived after its packet was emitted. */
    private boolean passLineEnd(ByteBuf in) {
        if (lineEnd == 0) {
            return false;
        }
        byte next = in.getByte(in.readerIndex());
        if (next == LF || next == CR && lineEnd == 1) {
            in.skipBytes(1);
            lineEnd = next == CR ? 2 : 0;
            return true;
        }
        lineEnd = 0;
        return false;
    }

    /** Where the next {@code ##} starts, or -1. */
    private static int packetStart(ByteBuf in) {
        int last = in.writerIndex() - 1;
        for (int i = in.readerIndex(); i < last; i++) {
            if (in.getByte(i) == HASH && in.getByte(i + 1) == HASH) {
                return i;
            }
        }
        return -1;
    }

    /** The four-digit length after {@code ##}, or -1 when those are not four digits. */
    private static int length(ByteBuf in, int start) {
        int value = 0;
        for (int i = start + 2; i < start + HEADER; i++) {
            byte digit = in.getByte(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + digit - '0';
        }
        return value;
    }

    private void skip(ByteBuf in, int bytes, List<Object> out) {
        in.skipBytes(bytes);
        pendingSkipped += bytes;
        skippedSincePacket += bytes;
        if (skippedSincePacket > maxSkippedBytes) {
            flushSkipped(out);
            out.add(new Hj212StreamEvent.Flooded(skippedSincePacket));
            end(in);
        }
    }

    private void flushSkipped(List<Object> out) {
        if (pendingSkipped > 0) {
            out.add(new Hj212StreamEvent.Skipped(pendingSkipped));
            pendingSkipped = 0;
        }
    }

    private void end(ByteBuf in) {
        ended = true;
        in.skipBytes(in.readableBytes());
    }
}
