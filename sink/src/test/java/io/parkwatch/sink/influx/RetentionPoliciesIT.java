package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.sink.PointMapping;
import io.parkwatch.testkit.SharedServers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sink's retention policies on a real influxd: created at start, and each kind of point lands in its own. */
class RetentionPoliciesIT {

    private static final String DB = "retention_it";

    @Test
    void policiesAreCreatedAtStartAndAggregatesLandInTheirWindowsPolicy() throws Exception {
        String url = SharedServers.influxd().url();
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(url, DB);
        InfluxDatabaseAdmin admin = new InfluxDatabaseAdmin(endpoint);
        RetentionSettings settings = new RetentionSettings(Duration.ofDays(7), Duration.ofDays(35), Duration.ZERO);
        admin.ensure(settings.policies());
        admin.ensure(settings.policies());
        assertThat(admin.retentionPolicies())
            .extracting(RetentionPolicySpec::name, RetentionPolicySpec::duration, RetentionPolicySpec::isDefault)
            .contains(tuple("raw", Duration.ofDays(7), true), tuple("agg_1m", Duration.ofDays(35), false),
                tuple("agg_1h", Duration.ZERO, false));

        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        RetentionRoutingPointWriter writer = RetentionRoutingPointWriter.v1(endpoint);
        List<com.influxdb.client.write.Point> points = List.of(
            PointMapping.reading(Reading.builder().messageId("m-1").park("p1").enterprise("e1").point("stack-01")
                .domain(Domain.EMISSIONS).metric("a21026-Rtd").value(30.0).unit("mg/m3").observedAt(hour)
                .receivedAt(hour).quality(Quality.N).sourceFormat(SourceFormat.JSON).build()),
            PointMapping.aggregate(aggregate("1m", hour, hour.plusSeconds(60))),
            PointMapping.aggregate(aggregate("1h", hour, hour.plusSeconds(3600))));
        writer.write(points);
        writer.write(points);
        try (InfluxQlReader reader = new InfluxQlReader(url)) {
            assertThat(reader.count(DB, "SELECT count(\"value\") FROM \"reading\"")).isEqualTo(1);
            assertThat(reader.count(DB, "SELECT count(\"mean\") FROM \"agg_1m\".\"aggregate\"")).isEqualTo(1);
            assertThat(reader.count(DB, "SELECT count(\"mean\") FROM \"agg_1h\".\"aggregate\"")).isEqualTo(1);
            assertThat(reader.count(DB, "SELECT count(\"mean\") FROM \"raw\".\"aggregate\"")).isZero();
            assertThat(reader.count(DB, "SELECT count(\"mean\") FROM \"agg_1h\".\"aggregate\" WHERE "
                + "\"window\" = '1m'")).isZero();
        }
    }

    private static Aggregate aggregate(String window, Instant start, Instant end) {
        return new Aggregate("p1", "e1", "stack-01", Domain.EMISSIONS, "a21026-Rtd", "mg/m3", window, start, end, 10,
            9, 300.0, 25.0, 35.0);
    }
}
