package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.InfluxUnavailableException;
import io.parkwatch.sink.PointBatch;
import io.parkwatch.sink.PointsRejectedException;
import io.parkwatch.sink.influx.StubInfluxServer.Answer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v1 writer against a loopback stub: request shape and how each answer is classified. */
class InfluxV1HttpPointWriterErrorsTest {

    private static final List<Point> POINTS = List.of(
        Point.measurement("m").addTag("s", "a").addField("v", 1.0).time(1L, WritePrecision.NS),
        Point.measurement("m").addTag("s", "b").addField("v", 2.0).time(2L, WritePrecision.NS));

    private StubInfluxServer stub;
    private InfluxV1HttpPointWriter writer;

    @BeforeEach
    void start() throws Exception {
        stub = new StubInfluxServer();
        writer = writer(Duration.ofSeconds(10));
    }

    // A generous timeout: the first exchange of a cold JVM took over 500 ms on a loaded machine.
    private InfluxV1HttpPointWriter writer(Duration timeout) {
        return new InfluxV1HttpPointWriter(InfluxV1Endpoint.of(stub.url() + "/", "park db")
            .withRetentionPolicy("week").withCredentials("writer", "s3cret").withTimeout(timeout));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void postsNanosecondLinesWithDatabasePolicyAndBasicAuth() throws Exception {
        writer.write(POINTS);
        StubInfluxServer.Request request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/write");
        assertThat(request.query()).isEqualTo("db=park%20db&rp=week&precision=ns");
        assertThat(request.body()).isEqualTo("m,s=a v=1.0 1\nm,s=b v=2.0 2");
        assertThat(request.header("Authorization")).isEqualTo("Basic "
            + Base64.getEncoder().encodeToString("writer:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBatchFilledPointByPointPostsTheSameBodyAndCanBePostedAgain() throws Exception {
        PointBatch batch = writer.newBatch(POINTS.size());
        POINTS.forEach(batch::add);
        batch.write();
        batch.write();
        assertThat(stub.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.query()).isEqualTo("db=park%20db&rp=week&precision=ns");
            assertThat(request.body()).isEqualTo("m,s=a v=1.0 1\nm,s=b v=2.0 2");
        });
        assertThatThrownBy(() -> batch.add(POINTS.get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyBatchSendsNothing() throws Exception {
        writer.write(List.of());
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void badRequestIsRejectedWithTheServersMessage() {
        String message = "unable to parse 'm v=': missing field value";
        stub.answer(Answer.of(400, "{\"error\":\"" + message.replace("'", "'") + "\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOfSatisfying(PointsRejectedException.class, e -> {
                assertThat(e.serverMessage()).isEqualTo(message);
                assertThat(e.retryable()).isFalse();
            });
    }

    @Test
    void influxErrorHeaderWinsOverTheBody() {
        stub.answer(Answer.of(400, "{\"error\":\"short\"}").withHeader("X-Influxdb-Error", "partial write: long"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOfSatisfying(PointsRejectedException.class,
                e -> assertThat(e.serverMessage()).isEqualTo("partial write: long"));
    }

    @Test
    void serverErrorAndThrottlingAreRetryable() {
        stub.answer(Answer.of(500, "{\"error\":\"timeout\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOfSatisfying(InfluxUnavailableException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
        stub.answer(Answer.of(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "2"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOfSatisfying(InfluxUnavailableException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
    }

    @Test
    void refusedCredentialsAndMissingDatabaseAreConfigurationErrors() {
        stub.answer(Answer.of(401, "{\"error\":\"authorization failed\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("authorization failed")
            .hasMessageNotContaining("s3cret");
        stub.answer(Answer.of(404, "{\"error\":\"database not found: \\\"park db\\\"\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("database \"park db\"")
            .hasMessageContaining("not found");
    }

    @Test
    void aSlowServerTimesOutAsUnavailable() {
        stub.answer(Answer.of(204, "").delayedBy(Duration.ofSeconds(2)));
        InfluxV1HttpPointWriter impatient = writer(Duration.ofMillis(500));
        assertThatThrownBy(() -> impatient.write(POINTS))
            .isInstanceOf(InfluxUnavailableException.class)
            .hasMessageContaining("timed out");
    }

    @Test
    void aClosedPortIsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        InfluxV1HttpPointWriter nowhere = new InfluxV1HttpPointWriter(InfluxV1Endpoint.of("http://127.0.0.1:" + port, "x"));
        assertThatThrownBy(() -> nowhere.write(POINTS))
            .isInstanceOfSatisfying(InfluxUnavailableException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.httpStatus()).isZero();
            });
    }

    @Test
    void unwritablePointsFailAfterTheRestWasSent() {
        List<Point> mixed = List.of(POINTS.get(0), Point.measurement("m").addTag("s", "nan").addField("v", Double.NaN));
        assertThatThrownBy(() -> writer.write(mixed))
            .isInstanceOf(PointsRejectedException.class)
            .hasMessageContaining("s=nan");
        assertThat(stub.requests()).singleElement()
            .satisfies(request -> assertThat(request.body()).isEqualTo("m,s=a v=1.0 1"));
    }
}
