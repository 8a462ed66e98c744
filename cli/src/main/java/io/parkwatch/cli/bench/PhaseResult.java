package io.parkwatch.cli.bench;

import java.time.Duration;

/**
 * One measured phase of a benchmark.
 *
 * @param sent    messages or records the phase sent (and had acknowledged)
 * @param arrived of those, how many reached the end of the path (Kafka, or the subscriber)
 * @param elapsed from the first send until the last one arrived
 */
public record PhaseResult(String name, long sent, long arrived, Duration elapsed) {

    public double rate() {
        return arrived * 1e9 / Math.max(1, elapsed.toNanos());
    }
}
