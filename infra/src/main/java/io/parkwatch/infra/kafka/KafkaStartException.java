package io.parkwatch.infra.kafka;

/** The embedded broker could not be started; whatever had started is already stopped. */
public final class KafkaStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KafkaStartException(String message) {
        super(message);
    }

    public KafkaStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
