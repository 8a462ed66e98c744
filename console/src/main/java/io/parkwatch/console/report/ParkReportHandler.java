package io.parkwatch.console.report;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointKind;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/reports/park?park=ID[&month=YYYY-MM]} (operators, bureaus): the park's
 * enterprises that have emission points or a permit, each with its compliance this month (no
 * permit, no exceedance, or its exceedance hours and days) and its outlets' year to date against
 * their allowances: the bureau's view, each enterprise opening its monthly report. One monthly
 * report is built per enterprise, so a park costs two InfluxDB queries per enterprise.
 */
public final class ParkReportHandler implements ApiAccess.CallerHandler {

    public static final Set<String> PARAMETERS = Set.of("park", "month");

    private final MonthlyReportHandler.Sources sources;
    private final ParkZones zones;
    private final Clock clock;

    public ParkReportHandler(MonthlyReportHandler.Sources sources, ParkZones zones, Clock clock) {
        this.sources = sources;
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        Instant now = clock.instant();
        String park;
        YearMonth month;
        try {
            QueryParameters params = QueryParameters.of(exchange.getRequestURI(), PARAMETERS);
            park = params.identifier("park").orElseThrow(() -> new BadParameterException("park", "park is required"));
            String current = YearMonth.from(now.atZone(zones.zoneOf(park))).toString();
            month = MonthlyQuery.month(params.text("month").orElse(current));
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        if (sources.registry().park(park).isEmpty()) {
            JsonResponses.error(exchange, 404, "unknown_park", "no park " + park + " in the registry");
            return;
        }
        List<Map<String, Object>> enterprises = new ArrayList<>();
        try {
            for (String id : enterprisesOf(park)) {
                MonthlyQuery query = new MonthlyQuery(park, id, month, zones.zoneOf(park), false);
                if (!query.from().isBefore(now)) {
                    continue;
                }
                Optional<EnterpriseEntry> entry = sources.registry().enterprise(park, id);
                MonthlyReport report = MonthlyReports.build(query, now, entry, sources.permits().permit(park, id),
                    sources);
                enterprises.add(summary(report));
            }
        } catch (InfluxQueryException e) {
            JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("park", park);
        body.put("month", month.toString());
        body.put("time_zone", zones.zoneOf(park).getId());
        body.put("enterprises", enterprises);
        JsonResponses.send(exchange, 200, body);
    }

    /** Enterprises with a permit or a point that measures emissions (CEMS stack, waste-water monitor). */
    private Set<String> enterprisesOf(String park) {
        Set<String> ids = new TreeSet<>();
        sources.permits().all().stream().filter(p -> p.park().equals(park)).map(Permit::enterprise).forEach(ids::add);
        for (EnterpriseEntry enterprise : sources.registry().enterprisesOf(park)) {
            boolean emits = sources.registry().pointsOf(park, enterprise.id()).stream().anyMatch(point ->
                point.pointKind().filter(k -> k == PointKind.CEMS_STACK || k == PointKind.ENV_MONITOR).isPresent());
            if (emits) {
                ids.add(enterprise.id());
            }
        }
        return ids;
    }

    static Map<String, Object> summary(MonthlyReport report) {
        long hours = 0;
        long days = 0;
        List<Map<String, Object>> shares = new ArrayList<>();
        for (MonthlyReport.OutletMonth outlet : report.outlets()) {
            for (MonthlyReport.PointMonth point : outlet.points()) {
                for (PollutantMonth.Tally tally : point.pollutants()) {
                    hours += tally.exceedanceHours() == null ? 0 : tally.exceedanceHours();
                    days += tally.exceedanceDays() == null ? 0 : tally.exceedanceDays();
                }
            }
            for (MonthlyReport.OutletTotal total : outlet.totals()) {
                total.yearToDate().ifPresent(ytd -> {
                    Map<String, Object> share = new LinkedHashMap<>();
                    share.put("outlet", outlet.outlet());
                    share.put("pollutant", total.pollutant().code());
                    share.put("pollutant_name", total.pollutant().label());
                    share.put("used_kg", ytd.use().usedKg());
                    share.put("annual_allowance_kg", orNull(ytd.use().allowanceKg()));
                    share.put("share_used", orNull(ytd.use().shareUsed()));
                    share.put("projected_share", orNull(ytd.use().projectedShare()));
                    shares.add(share);
                });
            }
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("enterprise", report.enterprise());
        one.put("name", report.enterpriseName());
        one.put("permit", report.permit().orElse(null));
        one.put("status", report.permit().isEmpty() ? "no_permit" : hours + days > 0 ? "exceedances" : "no_exceedance");
        one.put("exceedance_hours", hours);
        one.put("exceedance_days", days);
        one.put("allowances", shares);
        return one;
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
