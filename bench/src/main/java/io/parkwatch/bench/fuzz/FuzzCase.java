package io.parkwatch.bench.fuzz;

/**
 * One generated MQTT message of a fuzz run.
 *
 * @param mutation   what the generator did to a valid message, e.g. {@code json.value.1e999}
 * @param mayBeValid whether the mutation can leave a message the gateway rightly accepts (a
 *                   {@code -0}, a flipped byte inside a string): such acceptances are counted apart
 */
public record FuzzCase(FuzzFormat format, String mutation, String topic, byte[] payload, boolean mayBeValid) {
}
