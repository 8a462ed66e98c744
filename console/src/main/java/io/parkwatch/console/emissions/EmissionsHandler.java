package io.parkwatch.console.emissions;

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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/emissions}: emission history streamed as JSON or CSV while it is read, so
 * any period can be exported without a cap. An enterprise token sees its own enterprise only.
 */
public final class EmissionsHandler implements ApiAccess.CallerHandler {

    private static final int BUFFER_CHARS = 32 * 1024;

    private final EmissionHistory history;
    private final ParkZones parkZones;
    private final Clock clock;

    public EmissionsHandler(EmissionHistory history, ParkZones parkZones, Clock clock) {
        this.history = history;
        this.parkZones = parkZones;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        EmissionQuery query;
        try {
            query = EmissionQuery.parse(QueryParameters.of(exchange.getRequestURI(), EmissionQuery.PARAMETERS),
                parkZones, clock);
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        if (!caller.mayRead(query.enterprise())) {
            JsonResponses.otherEnterprise(exchange, caller);
            return;
        }
        query = caller.enterprise().map(query::forEnterprise).orElse(query);
        stream(exchange, query);
    }

    private void stream(HttpExchange exchange, EmissionQuery query) throws IOException {
        EmissionFormat format = EmissionFormat.of(query);
        StreamingBody body = new StreamingBody(exchange, format.contentType());
        Writer out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), BUFFER_CHARS);
        AtomicLong rows = new AtomicLong();
        format.begin(out, query);
        try {
            history.stream(query, row -> {
                format.row(row);
                rows.incrementAndGet();
            });
        } catch (InfluxQueryException e) {
            if (!body.started()) {
                // Nothing has gone out yet: drop the buffered start and answer with a status.
                JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
                return;
            }
            format.end(rows.get(), e.getMessage());
            out.close();
            return;
        }
        format.end(rows.get(), null);
        out.close();
    }
}
