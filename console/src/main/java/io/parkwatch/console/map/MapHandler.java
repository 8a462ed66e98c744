package io.parkwatch.console.map;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertFilter;
import io.parkwatch.console.board.BoardAlert;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.console.park.ParksHandler;
import io.parkwatch.console.rules.GeofenceArea;
import io.parkwatch.console.rules.RuleShelf;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.RegistryKeys;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/map?park=ID}: the park's geofence polygons (from the rule packs in force),
 * its located enterprises and its vehicles' latest positions with their tracks of the last
 * {@link #TRACK_WINDOW}, each flagged when it has an open alert.
 */
public final class MapHandler implements ApiAccess.CallerHandler {

    public static final Duration TRACK_WINDOW = Duration.ofMinutes(30);
    public static final int TRACK_FIXES = 60;
    private static final int ALERTS_READ = 10_000;

    private final ParkDirectory directory;
    private final RuleShelf rules;
    private final VehiclePositions positions;
    private final AlertBoard alerts;

    public MapHandler(ParkDirectory directory, RuleShelf rules, VehiclePositions positions, AlertBoard alerts) {
        this.directory = directory;
        this.rules = rules;
        this.positions = positions;
        this.alerts = alerts;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        String park;
        try {
            park = QueryParameters.of(exchange.getRequestURI(), Set.of("park")).identifier("park")
                .orElseThrow(() -> new BadParameterException("park", "park is required"));
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        if (directory.park(park).isEmpty()) {
            JsonResponses.error(exchange, 404, "unknown_park", "no park " + park + " in the registry");
            return;
        }
        List<VehicleTrack> tracks;
        try {
            tracks = positions.tracks(park, TRACK_WINDOW, TRACK_FIXES);
        } catch (InfluxQueryException e) {
            JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
            return;
        }
        List<GeofenceArea> areas = rules.areasOf(park);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("park", park);
        json.put("centre", ParksHandler.centre(directory.centreOf(park).or(() -> centreOf(areas))));
        json.put("areas", areas.stream().map(MapHandler::area).toList());
        Map<String, Severity> alerting = alerting(park);
        json.put("enterprises", enterprises(park, alerting));
        json.put("vehicles", tracks.stream().map(track -> vehicle(park, track, alerting)).toList());
        JsonResponses.send(exchange, 200, json);
    }

    /** The worst open severity per enterprise ({@code park/enterprise}) and per point key. */
    private Map<String, Severity> alerting(String park) {
        Map<String, Severity> worst = new HashMap<>();
        AlertFilter filter = new AlertFilter(Optional.of(park), Optional.empty(), Optional.empty(),
            AlertFilter.NOT_CLEARED, Optional.empty(), ALERTS_READ);
        for (BoardAlert alert : alerts.find(filter)) {
            worst.merge(RegistryKeys.enterpriseId(park, alert.enterprise()), alert.severity(), MapHandler::worse);
            if (alert.pointKey() != null) {
                worst.merge(alert.pointKey(), alert.severity(), MapHandler::worse);
            }
        }
        return worst;
    }

    private static Severity worse(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private List<Map<String, Object>> enterprises(String park, Map<String, Severity> alerting) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EnterpriseEntry enterprise : directory.enterprisesOf(park)) {
            if (enterprise.location() == null) {
                continue;
            }
            Severity severity = alerting.get(RegistryKeys.enterpriseId(park, enterprise.id()));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", enterprise.id());
            json.put("name", enterprise.name());
            json.put("lat", enterprise.location().lat());
            json.put("lon", enterprise.location().lon());
            json.put("alerting", severity != null);
            json.put("severity", severity == null ? null : severity.name());
            out.add(json);
        }
        return out;
    }

    private static Map<String, Object> vehicle(String park, VehicleTrack track, Map<String, Severity> alerting) {
        String pointKey = PointKey.text(park, track.enterprise(), track.vehicle());
        VehicleTrack.Fix at = track.latest();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pointKey", pointKey);
        json.put("vehicle", track.vehicle());
        json.put("lat", at.lat());
        json.put("lon", at.lon());
        json.put("speedKmh", at.speedKmh());
        json.put("heading", at.heading());
        json.put("time", at.time());
        json.put("alerting", alerting.containsKey(pointKey));
        json.put("track", track.fixes().stream().map(fix -> List.<Object>of(fix.lon(), fix.lat(), fix.time()))
            .toList());
        return json;
    }

    private static Map<String, Object> area(GeofenceArea area) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", area.ruleId());
        json.put("kind", area.kind().wireName());
        json.put("name", area.name());
        json.put("ruleId", area.ruleId());
        json.put("polygon", area.vertices().stream().map(v -> List.of(v[1], v[0])).toList());
        return json;
    }

    /** Without located enterprises, the middle of the park's geofences. */
    private static Optional<Location> centreOf(List<GeofenceArea> areas) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (GeofenceArea area : areas) {
            for (double[] vertex : area.vertices()) {
                lat += vertex[0];
                lon += vertex[1];
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(new Location(lat / n, lon / n));
    }
}
