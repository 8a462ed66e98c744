package io.parkwatch.console.http;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.QueryParameters;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/me}: who the token belongs to, {@code {"name", "role", "enterprise"}}: the
 * console's login check, and the operator name its acknowledgements carry.
 */
public final class MeHandler implements ApiAccess.CallerHandler {

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        try {
            QueryParameters.of(exchange.getRequestURI(), Set.of());
        } catch (BadParameterException e) {
            JsonResponses.badParameter(exchange, e);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", caller.label());
        json.put("role", caller.role().name().toLowerCase(Locale.ROOT));
        json.put("enterprise", caller.enterprise().orElse(null));
        JsonResponses.send(exchange, 200, json);
    }
}
