package io.parkwatch.console.points;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.console.rules.RuleLimit;
import io.parkwatch.console.rules.RuleShelf;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.PointEntry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/points/series?point=park/enterprise/point[&metric=M][&hours=24]}: a point's
 * recent readings (the newest {@link #READINGS_CAP}), its hourly means, the limit lines of the
 * rules that judge it and the readings past them. An enterprise token reads only its own points.
 */
public final class SeriesHandler implements ApiAccess.CallerHandler {

    public static final int READINGS_CAP = 2000;
    private static final String NORMAL = "N";

    private final ParkDirectory directory;
    private final PointSeries series;
    private final RuleShelf rules;
    private final Clock clock;

    public SeriesHandler(ParkDirectory directory, PointSeries series, RuleShelf rules, Clock clock) {
        this.directory = directory;
        this.series = series;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        SeriesQuery query;
        try {
            query = SeriesQuery.parse(QueryParameters.of(exchange.getRequestURI(), SeriesQuery.PARAMETERS));
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        if (caller.enterprise().isPresent() && !caller.enterprise().get().equals(query.enterprise())) {
            JsonResponses.error(exchange, 403, "forbidden", "an enterprise token reads only its own points");
            return;
        }
        Optional<PointEntry> point = directory.point(query.pointKey());
        if (point.isEmpty()) {
            JsonResponses.error(exchange, 404, "unknown_point", "no point " + query.pointKey() + " in the registry");
            return;
        }
        try {
            JsonResponses.send(exchange, 200, body(query, point.get()));
        } catch (InfluxQueryException e) {
            JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
        }
    }

    private Map<String, Object> body(SeriesQuery query, PointEntry point) throws InfluxQueryException, IOException {
        List<String> metrics = series.metrics(query);
        String metric = query.metric().orElse(metrics.isEmpty() ? null : metrics.get(0));
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofHours(query.hours()));
        SeriesData data = metric == null ? new SeriesData(List.of(), false, List.of(), null, null)
            : series.read(query, metric, from, to, READINGS_CAP);
        List<RuleLimit> limits = metric == null ? List.of() : rules.limitsFor(point, data.domain(), metric);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("point", query.pointKey());
        json.put("metric", metric);
        json.put("metrics", metrics);
        json.put("unit", data.unit());
        json.put("readings", data.readings());
        json.put("readingsTruncated", data.truncated());
        json.put("hourly", data.hourly());
        json.put("limits", limits.stream().map(SeriesHandler::limit).toList());
        json.put("exceedances", exceedances(data.readings(), limits));
        return json;
    }

    private static Map<String, Object> limit(RuleLimit limit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ruleId", limit.ruleId());
        json.put("severity", limit.severity().name());
        json.put("value", limit.value());
        json.put("direction", limit.direction());
        json.put("profile", limit.profile());
        return json;
    }

    /** Normal readings past a limit, each with the worst level it passes (flagged values are not judged). */
    static List<Map<String, Object>> exceedances(List<SeriesData.Reading> readings, List<RuleLimit> limits) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (SeriesData.Reading reading : readings) {
            if (!NORMAL.equals(reading.quality()) || Double.isNaN(reading.value())) {
                continue;
            }
            Severity worst = null;
            for (RuleLimit limit : limits) {
                if (limit.crossedBy(reading.value()) && (worst == null || limit.severity().compareTo(worst) > 0)) {
                    worst = limit.severity();
                }
            }
            if (worst != null) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("time", reading.time());
                json.put("value", reading.value());
                json.put("severity", worst.name());
                found.add(json);
            }
        }
        return found;
    }
}
