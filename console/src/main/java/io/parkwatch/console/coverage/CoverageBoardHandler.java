package io.parkwatch.console.coverage;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.console.points.LastReadings;
import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.registry.ParkEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/coverage/board[?park=ID]}: per park its latest plan rows with their silent
 * points (at most {@link #SILENT_SHOWN} a row, and since when each is silent: its last reading)
 * and the day's park completeness. Parks come from the registry; a park without rows yet has
 * an empty list.
 */
public final class CoverageBoardHandler implements ApiAccess.CallerHandler {

    /** Silent members listed per row at most; {@code silentTruncated} says when more are silent. */
    public static final int SILENT_SHOWN = 200;

    private final ParkDirectory directory;
    private final CoverageBoard board;
    private final LastReadings lastReadings;

    public CoverageBoardHandler(ParkDirectory directory, CoverageBoard board, LastReadings lastReadings) {
        this.directory = directory;
        this.board = board;
        this.lastReadings = lastReadings;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        Optional<String> wanted;
        try {
            wanted = QueryParameters.of(exchange.getRequestURI(), Set.of("park")).identifier("park");
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        List<ParkEntry> parks = wanted.isPresent()
            ? directory.park(wanted.get()).map(List::of).orElse(List.of()) : directory.parks();
        if (wanted.isPresent() && parks.isEmpty()) {
            JsonResponses.error(exchange, 404, "unknown_park", "no park " + wanted.get() + " in the registry");
            return;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (ParkEntry park : parks) {
                out.add(park(park));
            }
        } catch (InfluxQueryException e) {
            JsonResponses.error(exchange, 502, "influxdb_failed", e.getMessage());
            return;
        }
        JsonResponses.send(exchange, 200, Map.of("parks", out));
    }

    private Map<String, Object> park(ParkEntry park) throws InfluxQueryException, IOException {
        List<CoverageRow> rows = board.rowsOf(park.id());
        List<String> silentKeys = new ArrayList<>();
        rows.forEach(row -> silentKeys.addAll(shown(row)));
        Map<String, Instant> since = silentKeys.isEmpty() ? Map.of()
            : lastReadings.lastOf(park.id(), silentKeys.stream().distinct().toList());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("park", park.id());
        json.put("name", park.name());
        json.put("timeZone", park.timeZone().getId());
        json.put("computedAt", rows.stream().map(CoverageRow::computedAt).max(Instant::compareTo).orElse(null));
        List<Map<String, Object>> rowJson = new ArrayList<>();
        for (CoverageRow row : rows) {
            rowJson.add(row(row, since));
        }
        json.put("rows", rowJson);
        json.put("completeness", board.completenessOf(park.id()).map(CoverageBoardHandler::completeness).orElse(null));
        return json;
    }

    private static List<String> shown(CoverageRow row) {
        return row.silentPoints().size() > SILENT_SHOWN ? row.silentPoints().subList(0, SILENT_SHOWN)
            : row.silentPoints();
    }

    private static Map<String, Object> row(CoverageRow row, Map<String, Instant> since) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("module", row.module().name());
        json.put("class", row.entityClass());
        json.put("required", row.required());
        json.put("live", row.live());
        json.put("ratio", row.ratio());
        json.put("target", row.target());
        json.put("compliant", row.compliant());
        List<Map<String, Object>> silent = new ArrayList<>();
        for (String key : shown(row)) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("point", key);
            member.put("enterprise", PointKey.enterpriseOf(key));
            member.put("silentSince", since.get(key));
            silent.add(member);
        }
        json.put("silent", silent);
        json.put("silentTruncated", row.silentTruncated() || row.silentPoints().size() > SILENT_SHOWN);
        return json;
    }

    private static Map<String, Object> completeness(CompletenessRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("day", row.day().toString());
        json.put("expected", row.expected());
        json.put("received", row.received());
        json.put("normal", row.normal());
        json.put("ratio", row.ratio());
        json.put("ratedHours", row.ratedHours());
        json.put("validHours", row.validHours());
        json.put("points", row.points());
        json.put("compliantPoints", row.compliantPoints());
        return json;
    }
}
