package io.parkwatch.bench;

import java.time.Duration;

/**
 * One measured phase of a benchmark.
 *
 * @param sent               messages the phase sent (and had acknowledged)
 * @param arrivedReadings    of their readings, how many reached the end of the path (Kafka, or
 *                           the subscriber, which counts a message as all of its readings)
 * @param elapsed            from the first send until the last one arrived
 * @param readingsPerMessage readings each message carries
 * @param cpuNanos           CPU time this JVM and the broker process used meanwhile
 */
public record PhaseResult(String name, long sent, long arrivedReadings, Duration elapsed, int readingsPerMessage,
                          long cpuNanos) {

    /** Messages whose readings all arrived. */
    public long arrived() {
        return arrivedReadings / readingsPerMessage;
    }

    /** Messages per second. */
    public double rate() {
        return readingRate() / readingsPerMessage;
    }

    /** CPU microseconds per reading that arrived: independent of how busy the machine was. */
    public double cpuMicrosPerReading() {
        return cpuNanos / 1e3 / Math.max(1, arrivedReadings);
    }

    public double readingRate() {
        return arrivedReadings * 1e9 / Math.max(1, elapsed.toNanos());
    }
}
