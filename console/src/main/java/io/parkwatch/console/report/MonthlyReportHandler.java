package io.parkwatch.console.report;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.emissions.totals.HourlyEmissionSource;
import io.parkwatch.console.emissions.totals.PermitAllowance;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.console.permits.PermitDirectory;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.ParkZones;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /api/v1/reports/monthly?enterprise=PARK/ENT&month=YYYY-MM[&format=csv]}: one
 * enterprise's month (docs/api.md, "Monthly report"). Operators and bureaus read any enterprise, an
 * enterprise token its own only.
 */
public final class MonthlyReportHandler implements ApiAccess.CallerHandler {

    /** The registry, the permits, and where the hours come from. */
    public record Sources(ParkDirectory registry, PermitDirectory permits, MonthWindowSource windows,
                          HourlyEmissionSource hours, PermitAllowance allowance) {
    }

    private final Sources sources;
    private final ParkZones zones;
    private final Clock clock;

    public MonthlyReportHandler(Sources sources, ParkZones zones, Clock clock) {
        this.sources = sources;
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        MonthlyQuery query;
        Instant now = clock.instant();
        try {
            query = MonthlyQuery.parse(QueryParameters.of(exchange.getRequestURI(), MonthlyQuery.PARAMETERS), zones);
            if (!query.from().isBefore(now)) {
                throw new BadParameterException("month", "month " + query.month() + " has not begun in the park's zone");
            }
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        if (!caller.mayRead(Optional.of(query.enterprise()))) {
            JsonResponses.otherEnterprise(exchange, caller);
            return;
        }
        Optional<EnterpriseEntry> enterprise = sources.registry().enterprise(query.park(), query.enterprise());
        Optional<Permit> permit = sources.permits().permit(query.park(), query.enterprise());
        if (enterprise.isEmpty() && permit.isEmpty()) {
            JsonResponses.error(exchange, 404, "unknown_enterprise", "no enterprise " + query.enterprise()
                + " in park " + query.park() + " in the registry, and no permit for it");
            return;
        }
        MonthlyReport report;
        try {
            report = MonthlyReports.build(query, now, enterprise, permit, sources);
        } catch (InfluxQueryException e) {
            JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
            return;
        }
        if (query.csv()) {
            JsonResponses.sendBytes(exchange, 200, "text/csv; charset=utf-8",
                MonthlyCsv.of(report).getBytes(StandardCharsets.UTF_8));
        } else {
            JsonResponses.send(exchange, 200, MonthlyJson.body(report));
        }
    }
}
