package io.parkwatch.sink.influx;

import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.InfluxUnavailableException;
import io.parkwatch.sink.PointWriteException;
import io.parkwatch.sink.PointsRejectedException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * One classification of write failures for every transport, so the sink reacts to a failure
 * the same way whichever API wrote the points.
 *
 * @param target       what is written to, for messages: {@code database "parkwatch"}
 * @param notFoundHint what to check when the server answers 404
 */
record InfluxWriteFailures(String target, String notFoundHint) {

    /** Classifies a non-2xx answer. */
    PointWriteException fromResponse(int status, String serverMessage, Optional<Duration> retryAfter) {
        String said = serverMessage == null || serverMessage.isBlank() ? "(no message)" : serverMessage.strip();
        String lower = said.toLowerCase(Locale.ROOT);
        if (status == 400 || status == 422) {
            return new PointsRejectedException(status, said);
        }
        if (status == 401 || status == 403) {
            return new InfluxConfigurationException("InfluxDB refused the credentials for " + target + " (HTTP "
                + status + ": " + said + "); check the username/password or token and its write permission",
                status);
        }
        if (status == 404) {
            return new InfluxConfigurationException(target + " not found (HTTP 404: " + said + "); " + notFoundHint,
                status);
        }
        if (status == 413) {
            return new InfluxConfigurationException("batch for " + target + " exceeds the server's request size "
                + "limit (HTTP 413: " + said + "); lower the batch size", status);
        }
        // InfluxDB 1.x answers 500 for a missing retention policy; waiting will not create it.
        if (status == 500 && lower.contains("retention policy not found")) {
            return new InfluxConfigurationException("retention policy of " + target + " not found (HTTP 500: "
                + said + "); create it (InfluxDatabaseAdmin does at start) or fix the configured policy", status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new InfluxUnavailableException("InfluxDB unavailable for " + target + " (HTTP " + status + ": "
                + said + ")", status, retryAfter, null);
        }
        return new InfluxConfigurationException("unexpected HTTP " + status + " writing to " + target + ": " + said
            + "; check the InfluxDB URL", status);
    }

    /** No answer at all: refused connection, reset, timeout. */
    InfluxUnavailableException fromIo(IOException e, String url) {
        String what = e instanceof HttpTimeoutException ? "timed out" : "failed";
        return new InfluxUnavailableException("InfluxDB write to " + target + " at " + url + " " + what + ": "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), 0,
            Optional.empty(), e);
    }

    InfluxUnavailableException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new InfluxUnavailableException("interrupted while writing to " + target, 0, Optional.empty(), e);
    }

    /** Retry-After as seconds or an HTTP date; anything else is ignored. */
    static Optional<Duration> parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }
}
