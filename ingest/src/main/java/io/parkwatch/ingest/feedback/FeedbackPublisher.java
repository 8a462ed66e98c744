package io.parkwatch.ingest.feedback;

/**
 * Answers a sender on its {@code …/feedback} topic. Best effort: the refusal itself is already
 * durable in the rejected topic, so a sender that is offline loses only the courtesy.
 */
public interface FeedbackPublisher {

    void publish(String topic, byte[] payload);
}
