package io.parkwatch.console.influxql;

/** InfluxDB did not answer the query: unreachable, or it reported an error. A dependency failure, not the caller's. */
public final class InfluxQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    public InfluxQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
