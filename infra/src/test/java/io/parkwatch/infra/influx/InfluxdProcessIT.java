package io.parkwatch.infra.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.infra.net.PortInUseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxdProcessIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void writesQueriesAndKeepsDataAcrossRestarts() throws Exception {
        Path data = dir.resolve("influx");
        ProcessHandle first;
        try (InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, data))) {
            first = influxd.processHandle();
            System.out.printf("influxd 1st start (empty data dir): %d ms on %s%n",
                influxd.startupTime().toMillis(), influxd.url());
            assertThat(influxd.url()).isEqualTo("http://127.0.0.1:" + influxd.port());
            assertThat(post(influxd.url() + "/query", form("q", "CREATE DATABASE x")).statusCode()).isEqualTo(200);
            HttpResponse<String> write = post(influxd.url() + "/write?db=x&precision=ns", "m,sensor=s1 v=42.5 1000000000");
            assertThat(write.statusCode()).as(write.body()).isEqualTo(204);
            assertThat(selectV(influxd)).contains("[1000000000,42.5]");
        }
        assertThat(first.isAlive()).isFalse();
        assertThat(Files.exists(data.resolve(InfluxdPidFile.NAME))).isFalse();

        try (InfluxdProcess again = InfluxdProcess.start(InfluxdConfig.loopback(0, data))) {
            System.out.printf("influxd restart (existing data dir): %d ms%n", again.startupTime().toMillis());
            assertThat(selectV(again)).contains("[1000000000,42.5]");
        }
    }

    @Test
    void closeStopsTheProcessAndIsIdempotent() {
        InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")));
        ProcessHandle handle = influxd.processHandle();
        assertThat(handle.isAlive()).isTrue();
        assertThat(handle.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("influxd"));
        long started = System.nanoTime();
        influxd.close();
        System.out.printf("influxd stop (SIGTERM until exit): %d ms%n", (System.nanoTime() - started) / 1_000_000);
        influxd.close();
        assertThat(handle.isAlive()).isFalse();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
            .doesNotContain(handle.pid());
    }

    @Test
    void busyPortFailsAtOnceNamingTheFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            long childrenBefore = ProcessHandle.current().children().count();
            assertThatThrownBy(() -> InfluxdProcess.start(InfluxdConfig.loopback(port, dir.resolve("influx"))))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining(String.valueOf(port))
                .hasMessageContaining("--influx-port");
            assertThat(ProcessHandle.current().children().count()).isEqualTo(childrenBefore);
        }
    }

    @Test
    void aSecondInstanceOnALiveDataDirectoryIsRefused() {
        Path data = dir.resolve("influx");
        try (InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, data))) {
            assertThatThrownBy(() -> InfluxdProcess.start(InfluxdConfig.loopback(0, data)))
                .isInstanceOf(InfluxdStartException.class)
                .hasMessageContaining("in use by influxd pid " + influxd.pid());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithTheLogTail() throws Exception {
        // A stand-in binary that prints and sleeps: the start must give up and kill it.
        Path fake = dir.resolve("influxd");
        Files.writeString(fake, "#!/bin/sh\necho 'fake influxd: not listening'\nexec sleep 60\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        InfluxdConfig config = InfluxdConfig.loopback(0, dir.resolve("influx"))
            .withBinary(fake)
            .withStartTimeout(Duration.ofMillis(500));
        assertThatThrownBy(() -> InfluxdProcess.start(config))
            .isInstanceOf(InfluxdStartException.class)
            .hasMessageContaining("/ping")
            .hasMessageContaining("fake influxd: not listening");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isZero();
    }

    private String selectV(InfluxdProcess influxd) throws IOException, InterruptedException {
        HttpResponse<String> response = post(influxd.url() + "/query",
            form("db", "x") + "&" + form("epoch", "ns") + "&" + form("q", "SELECT v FROM m WHERE sensor = 's1'"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        String type = url.endsWith("/query") ? "application/x-www-form-urlencoded" : "text/plain; charset=utf-8";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
