package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.sink.InfluxConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxDatabaseAdminIT {

    @TempDir
    static Path dir;

    private static InfluxdProcess influxd;

    @BeforeAll
    static void start() {
        influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")));
    }

    @AfterAll
    static void stop() {
        // Null-safe: a failed @BeforeAll must still stop the influxd it started.
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void ensureIsIdempotentAndUpdatesPolicies() throws Exception {
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(influxd.url(), "admin_it");
        InfluxDatabaseAdmin admin = new InfluxDatabaseAdmin(endpoint);
        List<RetentionPolicySpec> wanted = List.of(
            RetentionPolicySpec.of("raw", Duration.ofDays(7), true),
            new RetentionPolicySpec("hourly", Duration.ofDays(400), Duration.ofDays(7), false));
        admin.ensure(wanted);
        admin.ensure(wanted);
        assertThat(admin.retentionPolicies())
            .extracting(RetentionPolicySpec::name, RetentionPolicySpec::duration, RetentionPolicySpec::isDefault)
            .containsExactlyInAnyOrder(
                tuple("autogen", Duration.ZERO, false),
                tuple("raw", Duration.ofDays(7), true),
                tuple("hourly", Duration.ofDays(400), false));

        admin.ensure(List.of(RetentionPolicySpec.of("raw", Duration.ofDays(30), true)));
        assertThat(admin.retentionPolicies()).filteredOn(rp -> rp.name().equals("raw"))
            .singleElement()
            .satisfies(rp -> assertThat(rp.duration()).isEqualTo(Duration.ofDays(30)));

        // Writes without rp go to the default policy.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new InfluxV1HttpPointWriter(endpoint).write(List.of(
            Point.measurement("m").addTag("meter", "m1").addField("v", 1.0).time(now, WritePrecision.S)));
        try (InfluxQlReader reader = new InfluxQlReader(influxd.url())) {
            assertThat(reader.count("admin_it", "SELECT count(v) FROM \"raw\".\"m\"")).isEqualTo(1);
        }
    }

    @Test
    void aPolicyTheServerRefusesIsAConfigurationErrorWithItsMessage() {
        InfluxDatabaseAdmin admin = new InfluxDatabaseAdmin(InfluxV1Endpoint.of(influxd.url(), "admin_refused"));
        assertThatThrownBy(() -> admin.ensure(List.of(RetentionPolicySpec.of("tiny", Duration.ofMinutes(10), false))))
            .isInstanceOf(InfluxConfigurationException.class)
            .hasMessageContaining("tiny")
            .hasMessageContaining("1h");
    }

    @Test
    void oddDatabaseNamesAreQuoted() throws Exception {
        InfluxDatabaseAdmin admin = new InfluxDatabaseAdmin(InfluxV1Endpoint.of(influxd.url(), "park \"east\" db"));
        admin.ensureDatabase();
        assertThat(admin.retentionPolicies()).extracting(RetentionPolicySpec::name).contains("autogen");
    }
}
