package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;

/**
 * A bounded big-endian cursor over part of a frame. Reading past its end is the sender's
 * fault, so it rejects with JT808_TRUNCATED and names what was being read, never throws an
 * index exception.
 */
final class Jt808Reader {

    private final byte[] bytes;
    private final int start;
    private final int end;
    private final String context;
    private int position;

    Jt808Reader(byte[] bytes, int start, int length, String context) {
        this.bytes = bytes;
        this.start = start;
        this.end = start + length;
        this.context = context;
        this.position = start;
    }

    /** What this reader covers ("header", "body", "batch item 2 of 3"), for reject details. */
    String context() {
        return context;
    }

    int remaining() {
        return end - position;
    }

    int u8(String what) throws RejectedInputException {
        require(1, what);
        return bytes[position++] & 0xFF;
    }

    int u16(String what) throws RejectedInputException {
        require(2, what);
        int value = (bytes[position] & 0xFF) << 8 | bytes[position + 1] & 0xFF;
        position += 2;
        return value;
    }

    long u32(String what) throws RejectedInputException {
        require(4, what);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | bytes[position++] & 0xFF;
        }
        return value;
    }

    byte[] bytes(int count, String what) throws RejectedInputException {
        require(count, what);
        byte[] copy = new byte[count];
        System.arraycopy(bytes, position, copy, 0, count);
        position += count;
        return copy;
    }

    void skip(int count, String what) throws RejectedInputException {
        require(count, what);
        position += count;
    }

    /** The next {@code count} bytes as their own reader, so an item cannot read into its neighbour. */
    Jt808Reader slice(int count, String what, String sliceContext) throws RejectedInputException {
        require(count, what);
        Jt808Reader slice = new Jt808Reader(bytes, position, count, sliceContext);
        position += count;
        return slice;
    }

    private void require(int count, String what) throws RejectedInputException {
        if (count > remaining()) {
            throw new RejectedInputException(RejectReason.JT808_TRUNCATED, context + ": " + what + " needs " + count
                + " bytes at offset " + (position - start) + ", only " + remaining() + " remain");
        }
    }
}
