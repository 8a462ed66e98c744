package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.InfluxUnavailableException;
import io.parkwatch.sink.PointsRejectedException;
import io.parkwatch.sink.influx.StubInfluxServer.Answer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2 writer (influxdb-client-java underneath) against a loopback stub speaking 2.x errors. */
class InfluxV2ApiPointWriterErrorsTest {

    private static final List<Point> POINTS = List.of(
        Point.measurement("m").addTag("s", "a").addField("v", 1.0).time(1L, WritePrecision.NS));

    private StubInfluxServer stub;
    private InfluxV2ApiPointWriter writer;

    @BeforeEach
    void start() throws Exception {
        stub = new StubInfluxServer();
        writer = new InfluxV2ApiPointWriter(new InfluxV2Endpoint(stub.url(), "tok3n", "park", "readings",
            Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        writer.close();
        stub.close();
    }

    @Test
    void postsToTheV2ApiWithTheToken() throws Exception {
        writer.write(POINTS);
        StubInfluxServer.Request request = stub.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/v2/write");
        assertThat(request.query()).contains("org=park").contains("bucket=readings").contains("precision=ns");
        assertThat(request.header("Authorization")).isEqualTo("Token tok3n");
        assertThat(request.body()).isEqualTo("m,s=a v=1.0 1");
    }

    @Test
    void unprocessableAndBadRequestAreRejectedWithTheServersMessage() {
        stub.answer(Answer.of(422, "{\"code\":\"unprocessable entity\",\"message\":\"points beyond retention policy\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOfSatisfying(PointsRejectedException.class,
                e -> assertThat(e.serverMessage()).isEqualTo("points beyond retention policy"));
        stub.answer(Answer.of(400, "{\"error\":\"parsing failed for write_lp endpoint\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOfSatisfying(PointsRejectedException.class,
                e -> assertThat(e.serverMessage()).isEqualTo("parsing failed for write_lp endpoint"));
    }

    @Test
    void throttlingAndOutagesAreRetryable() {
        stub.answer(Answer.of(429, "{\"code\":\"too many requests\",\"message\":\"quota\"}").withHeader("Retry-After", "5"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOfSatisfying(InfluxUnavailableException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        stub.answer(Answer.of(503, "{\"code\":\"unavailable\",\"message\":\"starting\"}"));
        assertThatThrownBy(() -> writer.write(POINTS)).isInstanceOf(InfluxUnavailableException.class);
    }

    @Test
    void refusedTokenAndMissingBucketAreConfigurationErrors() {
        stub.answer(Answer.of(401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("unauthorized access")
            .hasMessageNotContaining("tok3n");
        stub.answer(Answer.of(404, "{\"code\":\"not found\",\"message\":\"bucket \\\"readings\\\" not found\"}"));
        assertThatThrownBy(() -> writer.write(POINTS))
            .isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("bucket \"readings\"");
    }

    @Test
    void aSlowServerOrClosedPortIsUnavailable() throws Exception {
        stub.answer(Answer.of(204, "").delayedBy(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> writer.write(POINTS)).isInstanceOf(InfluxUnavailableException.class);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (InfluxV2ApiPointWriter nowhere = new InfluxV2ApiPointWriter(
            InfluxV2Endpoint.of("http://127.0.0.1:" + port, "t", "o", "b"))) {
            assertThatThrownBy(() -> nowhere.write(POINTS))
                .isInstanceOfSatisfying(InfluxUnavailableException.class, e -> assertThat(e.httpStatus()).isZero());
        }
    }
}
