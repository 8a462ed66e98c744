package io.parkwatch.simulator.tcp;

/**
 * A report for one piece of equipment to send.
 *
 * @param payload the packet or frame as its encoder made it (the logger sets its own PW and Flag)
 * @param key     what the sender calls it, handed back to the {@link AnswerListener}
 */
public record Delivery(byte[] payload, String key) {
}
