package io.parkwatch.cli.runtime;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.alerts.http.AlertsHttpServer;
import io.parkwatch.alerts.overview.InfluxQlPipelineOverview;
import java.io.IOException;
import java.time.Clock;

/** Wires the control-room service: InfluxQL client, HTTP port. */
public final class AlertsRuntime implements AutoCloseable {

    private final InfluxDBClient influx;
    private final AlertsHttpServer http;

    private AlertsRuntime(InfluxDBClient influx, AlertsHttpServer http) {
        this.influx = influx;
        this.http = http;
    }

    public static AlertsRuntime start(String host, int port, InfluxTarget target, PrometheusMeterRegistry metrics,
                                      Clock clock) throws IOException {
        InfluxDBClient influx = InfluxDBClientFactory.createV1(target.url(), target.username(), target.password(),
            target.database(), null);
        try {
            AlertsHttpServer http = new AlertsHttpServer(host, port,
                new InfluxQlPipelineOverview(influx, target.database(), clock), metrics);
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
