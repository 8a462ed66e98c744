package io.parkwatch.ingest.jt808.tcp;

import io.parkwatch.ingest.jt808.Jt808Packet;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of split messages one connection has sent, held until each message is whole. The
 * parts of one message share its id and packet total and have consecutive serials, so a part's
 * message is (id, total, serial of packet 1); a part sent again replaces the one held. Bounded:
 * held bytes over the cap, or parts older than the timeout, give their message up as it is.
 * Used by one event-loop thread; not thread-safe.
 */
final class SplitMessages {

    /**
     * A message's frames as they arrived, in packet order, and their packets: the whole message,
     * or what arrived of one given up.
     */
    record Held(byte[] payload, List<Jt808Packet> parts) {
    }

    private record Key(int messageId, int total, int firstSerial) {
    }

    private static final class Pending {
        private final Instant since;
        private final TreeMap<Integer, Jt808Packet> packets = new TreeMap<>();
        private final TreeMap<Integer, byte[]> frames = new TreeMap<>();
        private int bytes;

        private Pending(Instant since) {
            this.since = since;
        }

        private Held held() {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(bytes);
            frames.values().forEach(payload::writeBytes);
            return new Held(payload.toByteArray(), List.copyOf(packets.values()));
        }
    }

    private final int maxBytes;
    private final Duration timeout;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    private int bytes;

    SplitMessages(int maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /**
     * Holds a part; the whole message once its last part is in, or — when holding it would pass the
     * byte cap — what arrived of its message with it, given up. Empty while parts are missing.
     */
    Optional<Held> add(Jt808Packet part, byte[] frame, Instant now) {
        Key key = new Key(part.messageId(), part.partTotal(), (part.serial() - part.partIndex() + 1) & 0xFFFF);
        Pending message = pending.computeIfAbsent(key, k -> new Pending(now));
        byte[] replaced = message.frames.put(part.partIndex(), frame);
        message.packets.put(part.partIndex(), part);
        int added = frame.length - (replaced == null ? 0 : replaced.length);
        message.bytes += added;
        bytes += added;
        if (message.packets.size() == part.partTotal() || bytes > maxBytes) {
            pending.remove(key);
            bytes -= message.bytes;
            return Optional.of(message.held());
        }
        return Optional.empty();
    }

    /** Gives up the messages whose first part has waited longer than the timeout. */
    List<Held> expire(Instant now) {
        List<Held> expired = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext();) {
            Pending message = it.next();
            if (!message.since.plus(timeout).isAfter(now)) {
                it.remove();
                bytes -= message.bytes;
                expired.add(message.held());
            }
        }
        return expired;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int heldBytes() {
        return bytes;
    }
}
