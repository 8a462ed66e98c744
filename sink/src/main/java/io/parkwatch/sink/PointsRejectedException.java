package io.parkwatch.sink;

/**
 * The server refused points as invalid (HTTP 400/422: unparsable line protocol, field type
 * conflict, points outside the retention policy), or they could not be expressed in line
 * protocol at all. InfluxDB 1.x keeps the valid points of such a batch ("partial write").
 * Writing the same points again fails the same way, so this is never retried.
 */
public final class PointsRejectedException extends PointWriteException {

    private static final long serialVersionUID = 1L;

    private final String serverMessage;

    public PointsRejectedException(int httpStatus, String serverMessage) {
        super("InfluxDB rejected points" + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + ": "
            + serverMessage, httpStatus, null);
        this.serverMessage = serverMessage;
    }

    /** What the server said, e.g. {@code partial write: field type conflict: ...}. */
    public String serverMessage() {
        return serverMessage;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
