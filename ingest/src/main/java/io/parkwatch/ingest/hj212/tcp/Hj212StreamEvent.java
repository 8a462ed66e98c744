package io.parkwatch.ingest.hj212.tcp;

/** What {@link Hj212Framer} finds in a logger's byte stream. */
sealed interface Hj212StreamEvent {

    /** One packet as framed by its length field, with its line end when that came with it. */
    record Packet(byte[] raw) implements Hj212StreamEvent {
    }

    /** Bytes between packets that start none; skipped up to the next {@code ##}. */
    record Skipped(int bytes) implements Hj212StreamEvent {
    }

    /** A length field over the standard's maximum: the stream cannot be trusted further. */
    record Overlong(int declared, byte[] head) implements Hj212StreamEvent {
    }

    /** More bytes skipped since the last packet than the connection may send: nothing more is read. */
    record Flooded(int bytes) implements Hj212StreamEvent {
    }
}
