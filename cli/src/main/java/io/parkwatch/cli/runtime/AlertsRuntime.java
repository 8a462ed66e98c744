package io.parkwatch.cli.runtime;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.alerts.access.ApiTokens;
import io.parkwatch.alerts.coverage.InfluxQlCoverageHistory;
import io.parkwatch.alerts.emissions.InfluxQlEmissionHistory;
import io.parkwatch.alerts.emissions.UltraLowEmissionLimits;
import io.parkwatch.alerts.http.AlertsHttpServer;
import io.parkwatch.alerts.http.BureauApi;
import io.parkwatch.alerts.influxql.ChunkedInfluxQl;
import io.parkwatch.alerts.overview.InfluxQlPipelineOverview;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** Wires the control-room service: InfluxQL client, HTTP port. */
public final class AlertsRuntime implements AutoCloseable {

    private final InfluxDBClient influx;
    private final AlertsHttpServer http;

    private AlertsRuntime(InfluxDBClient influx, AlertsHttpServer http) {
        this.influx = influx;
        this.http = http;
    }

    /** The park's local time: days of the emission history run from midnight to midnight there. */
    public static final ZoneId DEFAULT_PARK_ZONE = ZoneId.of("Asia/Shanghai");

    public static AlertsRuntime start(String host, int port, InfluxTarget target, PrometheusMeterRegistry metrics,
                                      Clock clock) throws IOException {
        return start(host, port, target, ApiTokens.none(), DEFAULT_PARK_ZONE, metrics, clock);
    }

    public static AlertsRuntime start(String host, int port, InfluxTarget target, ApiTokens tokens, ZoneId parkZone,
                                      PrometheusMeterRegistry metrics, Clock clock) throws IOException {
        InfluxDBClient influx = InfluxDBClientFactory.createV1(target.url(), target.username(), target.password(),
            target.database(), null);
        try {
            AlertsHttpServer http = new AlertsHttpServer(host, port,
                new InfluxQlPipelineOverview(influx, target.database(), clock), metrics);
            ChunkedInfluxQl chunked = ChunkedInfluxQl.of(target.url(), target.database(),
                Optional.ofNullable(target.username()), target.password());
            BureauApi.register(http, tokens, new InfluxQlEmissionHistory(chunked, new UltraLowEmissionLimits()),
                new InfluxQlCoverageHistory(chunked, influx.getInfluxQLQueryApi(), target.database()), parkZone,
                clock);
            http.start();
            return new AlertsRuntime(influx, http);
        } catch (IOException | RuntimeException e) {
            influx.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
        influx.close();
    }
}
