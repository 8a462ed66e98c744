package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.InfluxUnavailableException;
import io.parkwatch.sink.PointWriteException;
import io.parkwatch.sink.PointsRejectedException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InfluxWriteFailuresTest {

    private final InfluxWriteFailures failures = new InfluxWriteFailures("database \"pw\"", "create it");

    @ParameterizedTest
    @ValueSource(ints = {400, 422})
    void badInputIsRejectedWithTheServersMessage(int status) {
        PointWriteException e = failures.fromResponse(status, "partial write: field type conflict", Optional.empty());
        assertThat(e).isInstanceOf(PointsRejectedException.class);
        assertThat(((PointsRejectedException) e).serverMessage()).isEqualTo("partial write: field type conflict");
        assertThat(e.retryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void serverTroubleIsRetryable(int status) {
        PointWriteException e = failures.fromResponse(status, "busy", Optional.of(Duration.ofSeconds(3)));
        assertThat(e).isInstanceOf(InfluxUnavailableException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(((InfluxUnavailableException) e).retryAfter()).contains(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreAConfigurationError(int status) {
        PointWriteException e = failures.fromResponse(status, "authorization failed", Optional.empty());
        assertThat(e).isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("credentials")
            .hasMessageContaining("authorization failed");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void missingDatabaseIsNamed() {
        PointWriteException e = failures.fromResponse(404, "database not found: \"pw\"", Optional.empty());
        assertThat(e).isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("database \"pw\" not found")
            .hasMessageContaining("create it");
    }

    @Test
    void missingRetentionPolicyIsNotRetriedForever() {
        // influxd 1.x answers 500 here, which would otherwise look like an outage.
        PointWriteException e = failures.fromResponse(500, "retention policy not found: week", Optional.empty());
        assertThat(e).isInstanceOf(InfluxConfigurationException.class).hasMessageContaining("week");
    }

    @Test
    void oversizedBatchAndRedirectsAreConfigurationErrors() {
        assertThat(failures.fromResponse(413, "too large", Optional.empty()))
            .isInstanceOf(InfluxConfigurationException.class).hasMessageContaining("batch size");
        assertThat(failures.fromResponse(301, "", Optional.empty()))
            .isInstanceOf(InfluxConfigurationException.class).hasMessageContaining("URL");
    }

    @Test
    void noAnswerIsRetryable() {
        InfluxUnavailableException refused = failures.fromIo(new ConnectException("Connection refused"), "http://x/write");
        InfluxUnavailableException slow = failures.fromIo(new HttpTimeoutException("request timed out"), "http://x/write");
        assertThat(refused.retryable()).isTrue();
        assertThat(refused.httpStatus()).isZero();
        assertThat(refused).hasMessageContaining("Connection refused").hasCauseInstanceOf(ConnectException.class);
        assertThat(slow).hasMessageContaining("timed out");
    }

    @Test
    void retryAfterAcceptsSecondsAndDates() {
        assertThat(InfluxWriteFailures.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(InfluxWriteFailures.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(InfluxWriteFailures.parseRetryAfter("soon")).isEmpty();
        assertThat(InfluxWriteFailures.parseRetryAfter(null)).isEmpty();
    }
}
