package io.parkwatch.sink;

/**
 * A batch was not (completely) written. The subclasses separate what a sink must treat
 * differently: bad input (park it, never retry), an unavailable dependency (back off and retry),
 * and a misconfiguration (stop and tell the operator).
 */
public abstract sealed class PointWriteException extends Exception
    permits PointsRejectedException, InfluxUnavailableException, InfluxConfigurationException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    protected PointWriteException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** Whether writing the same batch again may succeed. */
    public abstract boolean retryable();

    /** The HTTP status the server answered, or 0 when no answer was received. */
    public int httpStatus() {
        return httpStatus;
    }
}
