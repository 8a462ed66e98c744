package io.parkwatch.infra.influx;

/** influxd could not be found, started, or did not become ready; the message says what to do. */
public final class InfluxdStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfluxdStartException(String message) {
        super(message);
    }

    public InfluxdStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
