package io.parkwatch.bench.pipeline;

/** What one publisher lane sends: message {@code k} of the lane, made at {@code nowMillis}. */
interface MessageSource {

    Outgoing next(long k, long nowMillis);

    /**
     * One MQTT message.
     *
     * @param readings readings the gateway makes of it
     * @param exceeds  whether it carries a reading over the combustible-gas trigger (one RAISED alert)
     */
    record Outgoing(String topic, byte[] payload, int readings, boolean exceeds) {
    }
}
