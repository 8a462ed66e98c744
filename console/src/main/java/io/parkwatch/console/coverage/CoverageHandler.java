package io.parkwatch.console.coverage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.endpoint.StreamingBody;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.registry.ParkZones;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/coverage}: {@code {"mode": "current"|"history", "rows": [...], "row_count",
 * "complete"}}, streamed as it is read.
 */
public final class CoverageHandler implements ApiAccess.CallerHandler {

    private static final JsonFactory JSON = new JsonFactory();

    private final CoverageHistory coverage;
    private final ParkZones zones;
    private final Clock clock;

    public CoverageHandler(CoverageHistory coverage, ParkZones zones, Clock clock) {
        this.coverage = coverage;
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        CoverageQuery query;
        try {
            query = CoverageQuery.parse(QueryParameters.of(exchange.getRequestURI(), CoverageQuery.PARAMETERS), zones,
                clock);
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        StreamingBody body = new StreamingBody(exchange, "application/json; charset=utf-8");
        JsonGenerator out = JSON.createGenerator(new BufferedWriter(new OutputStreamWriter(body,
            StandardCharsets.UTF_8), 32 * 1024));
        out.writeStartObject();
        out.writeStringField("mode", query.history() ? "history" : "current");
        out.writeArrayFieldStart("rows");
        AtomicLong rows = new AtomicLong();
        String failure = null;
        try {
            coverage.stream(query, row -> {
                write(out, row);
                rows.incrementAndGet();
            });
        } catch (InfluxQueryException e) {
            if (!body.started()) {
                JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
                return;
            }
            failure = e.getMessage();
        }
        out.writeEndArray();
        out.writeNumberField("row_count", rows.get());
        out.writeBooleanField("complete", failure == null);
        if (failure != null) {
            out.writeStringField("error", failure);
        }
        out.writeEndObject();
        out.close();
    }

    private static void write(JsonGenerator out, CoverageFigure row) throws IOException {
        out.writeStartObject();
        out.writeStringField("time", row.time());
        out.writeStringField("park", row.park());
        out.writeStringField("module", row.module());
        out.writeStringField("class", row.entityClass());
        out.writeNumberField("required", row.required());
        out.writeNumberField("live", row.live());
        out.writeNumberField("ratio", row.ratio());
        out.writeNumberField("target", row.target());
        out.writeBooleanField("compliant", row.compliant());
        out.writeEndObject();
    }
}
