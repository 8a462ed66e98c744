package io.parkwatch.sink;

/**
 * The writer is set up wrong: credentials refused (401/403), database, bucket or retention
 * policy missing, the URL serves no write API, or batches exceed the server's body limit. Neither
 * the points nor time will fix it; the message says what to change.
 */
public final class InfluxConfigurationException extends PointWriteException {

    private static final long serialVersionUID = 1L;

    public InfluxConfigurationException(String message, int httpStatus) {
        super(message, httpStatus, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
