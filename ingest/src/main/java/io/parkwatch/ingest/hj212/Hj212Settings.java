package io.parkwatch.ingest.hj212;

import java.time.Duration;

/**
 * How long the parts of a split packet may take to arrive, and how many incomplete packets the
 * gateway holds at once (each held part also holds an MQTT in-flight slot until it is answered).
 *
 * @param splitWindow          parts of a packet not complete this long after its first part are refused
 * @param maxIncompletePackets a part of a further packet is refused at once
 */
public record Hj212Settings(Duration splitWindow, int maxIncompletePackets) {

    public static final Hj212Settings DEFAULTS = new Hj212Settings(Duration.ofSeconds(60), 100);

    public Hj212Settings {
        if (splitWindow == null || splitWindow.isNegative() || splitWindow.isZero()) {
            throw new IllegalArgumentException("hj212.split-window must be positive: " + splitWindow);
        }
        if (maxIncompletePackets < 1) {
            throw new IllegalArgumentException("hj212.max-incomplete-packets must be positive: " + maxIncompletePackets);
        }
    }
}
