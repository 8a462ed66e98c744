package io.parkwatch.simulator.tcp;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulated equipment did on its connections, counted across all of them. */
public final class FieldCounters {

    /** A snapshot. {@code sent} counts reports once; {@code resent} every send after a report's first. */
    public record Counts(long connections, long sent, long accepted, long refused, long unanswered, long resent,
                         long dropped, long heartbeats) {

        public long answered() {
            return accepted + refused;
        }
    }

    final AtomicLong connections = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong heartbeats = new AtomicLong();

    void incrementSend(boolean first) {
        (first ? sent : resent).incrementAndGet();
    }

    public Counts counts() {
        return new Counts(connections.get(), sent.get(), accepted.get(), refused.get(), unanswered.get(),
            resent.get(), dropped.get(), heartbeats.get());
    }
}
