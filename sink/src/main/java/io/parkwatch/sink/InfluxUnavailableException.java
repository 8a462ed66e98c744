package io.parkwatch.sink;

import java.time.Duration;
import java.util.Optional;

/**
 * InfluxDB or the way to it failed: connection refused, timeout, HTTP 5xx, 408 or 429. The
 * points are fine; the same batch can be written again later.
 */
public final class InfluxUnavailableException extends PointWriteException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    public InfluxUnavailableException(String message, int httpStatus, Optional<Duration> retryAfter, Throwable cause) {
        super(message, httpStatus, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After hint (429/503), if it gave one. */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
