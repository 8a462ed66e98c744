package io.parkwatch.ingest.hj212;

import java.time.Duration;

/**
 * How the gateway treats split HJ 212 packets (Flag bit D, PNUM/PNO).
 *
 * <p>Parts that travel in one MQTT message are always read as one packet. Parts sent as separate
 * messages can only be put together by holding each part unacknowledged until the last arrives
 * ({@code holdSplitParts}). That needs a broker that keeps delivering while acknowledgements are
 * pending: Mosquitto does (up to its in-flight limit); HiveMQ CE sends a shared-subscription
 * member nothing new while any of its messages is unacknowledged, so one held part would stall
 * the gateway for the whole window. Hence off by default: a lone part is then refused at once as
 * HJ212_SPLIT_INCOMPLETE.
 *
 * @param holdSplitParts       hold parts sent as separate messages until their packet is whole
 * @param splitWindow          parts of a packet not complete this long after its first part are refused
 * @param maxIncompletePackets a part of a further packet is refused at once
 */
public record Hj212Settings(boolean holdSplitParts, Duration splitWindow, int maxIncompletePackets) {

    public static final Hj212Settings DEFAULTS = new Hj212Settings(false, Duration.ofSeconds(60), 100);

    public Hj212Settings {
        if (splitWindow == null || splitWindow.isNegative() || splitWindow.isZero()) {
            throw new IllegalArgumentException("hj212.split-window must be positive: " + splitWindow);
        }
        if (maxIncompletePackets < 1) {
            throw new IllegalArgumentException("hj212.max-incomplete-packets must be positive: " + maxIncompletePackets);
        }
    }

    /** The defaults with holding of separately sent parts switched on. */
    public static Hj212Settings holdingParts() {
        return new Hj212Settings(true, DEFAULTS.splitWindow(), DEFAULTS.maxIncompletePackets());
    }
}
