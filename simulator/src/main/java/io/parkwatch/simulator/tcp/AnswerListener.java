package io.parkwatch.simulator.tcp;

/** Told of each report once its fate is known on the connection. */
public interface AnswerListener {

    AnswerListener NONE = (delivery, outcome) -> { };

    void settled(Delivery delivery, Outcome outcome);

    /** What became of a report. */
    enum Outcome {
        /** Answered as accepted: the gateway holds it in Kafka. */
        ACCEPTED,
        /** Answered with a refusal (bad CRC, unknown MN, …). */
        REFUSED,
        /** Sent {@code maxAttempts} times without an answer; the sender gives it up. */
        UNANSWERED
    }
}
