package io.parkwatch.console.board;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.ParkZones;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/v1/alerts}: the board, filtered; an enterprise token sees its own enterprise only. */
public final class AlertListHandler implements ApiAccess.CallerHandler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> PARAMETERS = Set.of("park", "enterprise", "severity", "state", "since", "limit");
    private static final List<String> STATES = List.of("open", "acknowledged", "cleared", "all");

    private final AlertBoard board;
    private final ParkZones parkZones;

    public AlertListHandler(AlertBoard board, ParkZones parkZones) {
        this.board = board;
        this.parkZones = parkZones;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        if (!"/api/v1/alerts".equals(exchange.getRequestURI().getPath())) {
            JsonResponses.error(exchange, 404, "not_found", "no such path: " + exchange.getRequestURI().getPath());
            return;
        }
        AlertFilter filter;
        try {
            filter = filter(QueryParameters.of(exchange.getRequestURI(), PARAMETERS));
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        if (!caller.mayRead(filter.enterprise())) {
            JsonResponses.otherEnterprise(exchange, caller);
            return;
        }
        filter = caller.enterprise().map(filter::forEnterprise).orElse(filter);
        List<BoardAlert> alerts = board.find(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", alerts);
        body.put("count", alerts.size());
        JsonResponses.send(exchange, 200, body);
    }

    private AlertFilter filter(QueryParameters query) throws BadParameterException {
        Optional<String> park = query.identifier("park");
        return new AlertFilter(park, query.identifier("enterprise"), severity(query),
            states(query), query.instant("since", parkZones.zoneOf(park)), limit(query));
    }

    private static Optional<Severity> severity(QueryParameters query) throws BadParameterException {
        Optional<String> text = query.text("severity");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Severity.valueOf(text.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(Severity.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
            throw new BadParameterException("severity", "severity must be one of " + allowed + ", got \""
                + text.get() + "\"", allowed);
        }
    }

    /** {@code open} (the default) is every alert not cleared yet, acknowledged ones included. */
    private static Set<AlertState> states(QueryParameters query) throws BadParameterException {
        String state = query.text("state").orElse("open").toLowerCase(Locale.ROOT);
        return switch (state) {
            case "open" -> AlertFilter.NOT_CLEARED;
            case "acknowledged" -> EnumSet.of(AlertState.ACKNOWLEDGED);
            case "cleared" -> EnumSet.of(AlertState.CLEARED);
            case "all" -> EnumSet.allOf(AlertState.class);
            default -> throw new BadParameterException("state", "state must be one of " + STATES + ", got \""
                + state + "\"", STATES);
        };
    }

    private static int limit(QueryParameters query) throws BadParameterException {
        Optional<String> text = query.text("limit");
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got \""
            + text.get() + "\"");
    }
}
