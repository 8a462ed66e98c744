package io.parkwatch.console.emissions.totals;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.registry.ParkZones;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /api/v1/emissions/totals}: emitted mass per day, month or year per point and
 * pollutant, invalid hours apart, and the year to date against the permit's allowance. Scoped as
 * emission history: an enterprise token sees its own enterprise only.
 */
public final class TotalsHandler implements ApiAccess.CallerHandler {

    private final HourlyEmissionSource source;
    private final PermitAllowance permits;
    private final ParkZones parkZones;
    private final Clock clock;

    public TotalsHandler(HourlyEmissionSource source, PermitAllowance permits, ParkZones parkZones, Clock clock) {
        this.source = source;
        this.permits = permits;
        this.parkZones = parkZones;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        TotalsQuery query;
        try {
            query = TotalsQuery.parse(QueryParameters.of(exchange.getRequestURI(), TotalsQuery.PARAMETERS), parkZones,
                clock);
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        if (!caller.mayRead(query.enterprise())) {
            JsonResponses.otherEnterprise(exchange, caller);
            return;
        }
        query = caller.enterprise().map(query::forEnterprise).orElse(query);
        Instant now = clock.instant();
        TotalsReport report = new TotalsReport(query, now, permits);
        try {
            source.read(query, query.readFrom(now), query.to(), report::accept);
        } catch (InfluxQueryException e) {
            JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
            return;
        }
        JsonResponses.send(exchange, 200, TotalsJson.body(query, report.finish()));
    }
}
