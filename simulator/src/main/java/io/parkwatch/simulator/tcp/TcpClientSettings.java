package io.parkwatch.simulator.tcp;

import java.time.Duration;

/**
 * How the simulated equipment behaves on its connection.
 *
 * @param answerTimeout how long a report waits for its answer before it is sent again
 * @param maxAttempts   sends of one report (the first included) before it is given up unanswered
 * @param heartbeat     a terminal's heartbeat interval while it has nothing to report
 * @param queueLimit    reports waiting for one connection; beyond it new ones are dropped and counted
 */
public record TcpClientSettings(Duration answerTimeout, int maxAttempts, Duration heartbeat, int queueLimit) {

    /** 5 s per answer and 3 sends, as terminals' defaults go; heartbeats every 30 s. */
    public static final TcpClientSettings DEFAULTS = new TcpClientSettings(Duration.ofSeconds(5), 3,
        Duration.ofSeconds(30), 10_000);

    public TcpClientSettings {
        if (answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("answerTimeout must be positive: " + answerTimeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive: " + heartbeat);
        }
        if (queueLimit < 1) {
            throw new IllegalArgumentException("queueLimit must be at least 1: " + queueLimit);
        }
    }

    public TcpClientSettings withAnswerTimeout(Duration timeout) {
        return new TcpClientSettings(timeout, maxAttempts, heartbeat, queueLimit);
    }

    public TcpClientSettings withMaxAttempts(int attempts) {
        return new TcpClientSettings(answerTimeout, attempts, heartbeat, queueLimit);
    }
}
