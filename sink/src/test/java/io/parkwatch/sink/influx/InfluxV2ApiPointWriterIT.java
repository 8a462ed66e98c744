package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.PointsRejectedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 writer's real client HTTP path, through a proxy that maps {@code /api/v2/write} onto the
 * local influxd 1.x (the only server here; 2.x/3.x are not installable on these machines).
 */
class InfluxV2ApiPointWriterIT {

    private static final String BUCKET = "parkwatch_v2_it";

    @TempDir
    static Path dir;

    private static InfluxdProcess influxd;
    private static V2WriteToV1Proxy proxy;
    private static InfluxV2ApiPointWriter writer;
    private static InfluxQlReader reader;

    @BeforeAll
    static void start() throws Exception {
        influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")));
        new InfluxDatabaseAdmin(InfluxV1Endpoint.of(influxd.url(), BUCKET)).ensureDatabase();
        proxy = new V2WriteToV1Proxy(influxd.url());
        writer = new InfluxV2ApiPointWriter(InfluxV2Endpoint.of(proxy.url(), "token", "park", BUCKET));
        reader = new InfluxQlReader(influxd.url());
    }

    @AfterAll
    static void stop() {
        // Null-safe: a failed @BeforeAll must still stop the influxd it started.
        if (writer != null) {
            writer.close();
        }
        if (reader != null) {
            reader.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void pointsLandThroughTheV2Api() throws Exception {
        List<Point> points = InfluxV1HttpPointWriterIT.energyPoints("energy", 10_000);
        long started = System.nanoTime();
        writer.write(points.subList(0, 5000));
        writer.write(points.subList(5000, 10_000));
        long elapsed = System.nanoTime() - started;
        System.out.printf("v2 writer through the proxy, 10,000 points in 2 batches of 5000: %.0f points/s%n",
            10_000 / (elapsed / 1e9));
        assertThat(reader.count(BUCKET, "SELECT count(kwh) FROM energy")).isEqualTo(10_000);
    }

    @Test
    void mixedPrecisionsLandAtTheirTimes() throws Exception {
        writer.write(List.of(
            Point.measurement("precise").addTag("meter", "ms").addField("v", 1L).time(1_700_000_123_456L, WritePrecision.MS),
            Point.measurement("precise").addTag("meter", "s").addField("v", 2L).time(1_700_000_000L, WritePrecision.S)));
        List<Object[]> rows = reader.rows(BUCKET, "SELECT v FROM precise", InfluxQLQuery.InfluxQLPrecision.MILLISECONDS);
        assertThat(rows).extracting(row -> String.valueOf(row[0]))
            .containsExactly("1700000000000", "1700000123456");
    }

    @Test
    void aFieldTypeConflictIsRejectedWithTheServersMessage() throws Exception {
        writer.write(List.of(Point.measurement("conflict").addTag("meter", "m1").addField("v", 1.5).time(1L, WritePrecision.S)));
        assertThatThrownBy(() -> writer.write(List.of(
            Point.measurement("conflict").addTag("meter", "m1").addField("v", "text").time(2L, WritePrecision.S))))
            .isInstanceOfSatisfying(PointsRejectedException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(400);
                assertThat(e.serverMessage()).contains("field type conflict");
            });
    }

    @Test
    void influxdb1HasNoV2ApiAndSaysSo() {
        try (InfluxV2ApiPointWriter direct = new InfluxV2ApiPointWriter(
            InfluxV2Endpoint.of(influxd.url(), "token", "park", BUCKET))) {
            assertThatThrownBy(() -> direct.write(InfluxV1HttpPointWriterIT.energyPoints("energy", 1)))
                .isInstanceOfSatisfying(InfluxConfigurationException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e).hasMessageContaining("bucket \"" + BUCKET + "\"").hasMessageContaining("v1 writer");
                });
        }
    }
}
