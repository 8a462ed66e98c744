package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.InfluxUnavailableException;
import io.parkwatch.sink.PointsRejectedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v1 writer against a real influxd 1.x started by {@link InfluxdProcess}. */
class InfluxV1HttpPointWriterIT {

    private static final String DB = "parkwatch_v1_it";
    private static final long BASE_NANOS = 1_700_000_000_000_000_000L;

    @TempDir
    static Path dir;

    private static InfluxdProcess influxd;
    private static InfluxV1HttpPointWriter writer;
    private static InfluxQlReader reader;

    @BeforeAll
    static void start() throws Exception {
        influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")));
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(influxd.url(), DB);
        new InfluxDatabaseAdmin(endpoint).ensureDatabase();
        writer = new InfluxV1HttpPointWriter(endpoint);
        reader = new InfluxQlReader(influxd.url());
    }

    @AfterAll
    static void stop() {
        // Null-safe: a failed @BeforeAll must still stop the influxd it started.
        if (reader != null) {
            reader.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void tenThousandPointsInBatchesOf5000AreAllThere() throws Exception {
        List<Point> points = energyPoints("energy", 10_000);
        long started = System.nanoTime();
        writer.write(points.subList(0, 5000));
        writer.write(points.subList(5000, 10_000));
        long elapsed = System.nanoTime() - started;
        System.out.printf("v1 writer, first 10,000 points in 2 batches of 5000: %.0f points/s (%d ms)%n",
            10_000 / (elapsed / 1e9), elapsed / 1_000_000);
        assertThat(reader.count(DB, "SELECT count(kwh) FROM energy")).isEqualTo(10_000);
    }

    @Test
    void measuresSustainedThroughput() throws Exception {
        List<Point> points = energyPoints("energy_rate", 200_000);
        writer.write(points.subList(0, 5000));
        long started = System.nanoTime();
        for (int from = 5000; from < points.size(); from += 5000) {
            writer.write(points.subList(from, from + 5000));
        }
        long elapsed = System.nanoTime() - started;
        System.out.printf("v1 writer, warm, 195,000 points in batches of 5000: %.0f points/s (%d ms)%n",
            195_000 / (elapsed / 1e9), elapsed / 1_000_000);
        assertThat(reader.count(DB, "SELECT count(kwh) FROM energy_rate")).isEqualTo(200_000);
    }

    @Test
    void writingTheSamePointTwiceLeavesOne() throws Exception {
        Point point = Point.measurement("replayed").addTag("meter", "m1").addField("kwh", 12.5)
            .time(BASE_NANOS, WritePrecision.NS);
        writer.write(List.of(point));
        writer.write(List.of(point, point));
        assertThat(reader.count(DB, "SELECT count(kwh) FROM replayed")).isEqualTo(1);
    }

    @Test
    void aFieldTypeConflictIsRejectedWithTheServersMessageAndTheRestIsKept() throws Exception {
        writer.write(List.of(Point.measurement("conflict").addTag("meter", "m1").addField("v", 1.5)
            .time(BASE_NANOS, WritePrecision.NS)));
        List<Point> batch = List.of(
            Point.measurement("conflict").addTag("meter", "m1").addField("v", "text").time(BASE_NANOS + 1, WritePrecision.NS),
            Point.measurement("conflict").addTag("meter", "m2").addField("v", 2.5).time(BASE_NANOS + 2, WritePrecision.NS));
        assertThatThrownBy(() -> writer.write(batch))
            .isInstanceOfSatisfying(PointsRejectedException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(400);
                assertThat(e.serverMessage()).contains("field type conflict").contains("partial write");
                assertThat(e.retryable()).isFalse();
            });
        // InfluxDB 1.x keeps the valid points of a partially rejected batch.
        assertThat(reader.count(DB, "SELECT count(v) FROM conflict")).isEqualTo(2);
    }

    @Test
    void millisecondPointsLandAtTheirTime() throws Exception {
        long millis = 1_700_000_123_456L;
        writer.write(List.of(Point.measurement("precise").addTag("meter", "m1").addField("v", 1L)
            .time(millis, WritePrecision.MS)));
        List<Object[]> rows = reader.rows(DB, "SELECT v FROM precise", InfluxQLQuery.InfluxQLPrecision.MILLISECONDS);
        assertThat(rows).singleElement().satisfies(row -> assertThat(String.valueOf(row[0])).isEqualTo(String.valueOf(millis)));
    }

    @Test
    void aMissingDatabaseOrRetentionPolicyIsAConfigurationError() {
        List<Point> one = energyPoints("energy", 1);
        InfluxV1HttpPointWriter noDb = new InfluxV1HttpPointWriter(InfluxV1Endpoint.of(influxd.url(), "no_such_db"));
        assertThatThrownBy(() -> noDb.write(one))
            .isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("database \"no_such_db\"")
            .hasMessageContaining("not found");
        InfluxV1HttpPointWriter noRp = new InfluxV1HttpPointWriter(
            InfluxV1Endpoint.of(influxd.url(), DB).withRetentionPolicy("no_such_rp"));
        assertThatThrownBy(() -> noRp.write(one))
            .isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("no_such_rp");
    }

    @Test
    void aStoppedServerMakesWritesUnavailableAndTheSameWriterResumesAfterRestart() throws Exception {
        Path data = dir.resolve("influx-stopped");
        InfluxdProcess own = InfluxdProcess.start(InfluxdConfig.loopback(0, data));
        int port = own.port();
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(own.url(), DB);
        new InfluxDatabaseAdmin(endpoint).ensureDatabase();
        InfluxV1HttpPointWriter ownWriter = new InfluxV1HttpPointWriter(endpoint);
        List<Point> points = energyPoints("outage", 10);
        ownWriter.write(points.subList(0, 5));
        own.close();
        assertThatThrownBy(() -> ownWriter.write(points.subList(5, 10)))
            .isInstanceOfSatisfying(InfluxUnavailableException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.httpStatus()).isZero();
            });
        try (InfluxdProcess restarted = InfluxdProcess.start(InfluxdConfig.loopback(port, data));
             InfluxQlReader ownReader = new InfluxQlReader(restarted.url())) {
            ownWriter.write(points.subList(5, 10));
            assertThat(ownReader.count(DB, "SELECT count(kwh) FROM outage")).isEqualTo(10);
        }
    }

    /** {@code count} points over 100 meters, one per second each, all distinct. */
    static List<Point> energyPoints(String measurement, int count) {
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(Point.measurement(measurement)
                .addTag("park", "p1")
                .addTag("meter", "m" + (i % 100))
                .addField("kwh", i * 0.5)
                .addField("status", 0L)
                .time(BASE_NANOS + (i / 100) * 1_000_000_000L, WritePrecision.NS));
        }
        return points;
    }
}
