package io.parkwatch.console.park;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.ParkEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/parks}: {@code {"parks": [{"id", "name", "timeZone", "centre": {"lat", "lon"}|null}]}}.
 * The centre is the mean of the park's enterprises' registered locations.
 */
public final class ParksHandler implements ApiAccess.CallerHandler {

    private final ParkDirectory directory;

    public ParksHandler(ParkDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        try {
            QueryParameters.of(exchange.getRequestURI(), Set.of());
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        List<Map<String, Object>> parks = new ArrayList<>();
        for (ParkEntry park : directory.parks()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", park.id());
            json.put("name", park.name());
            json.put("timeZone", park.timeZone().getId());
            json.put("centre", centre(directory.centreOf(park.id())));
            parks.add(json);
        }
        JsonResponses.send(exchange, 200, Map.of("parks", parks));
    }

    /** {@code {"lat", "lon"}} or null. */
    public static Map<String, Double> centre(Optional<Location> location) {
        return location.map(l -> Map.of("lat", l.lat(), "lon", l.lon())).orElse(null);
    }
}
