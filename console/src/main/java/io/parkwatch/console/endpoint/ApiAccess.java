package io.parkwatch.console.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.access.Role;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** Bearer-token check in front of the data API: 401 without a known token, 403 for a role not allowed. */
public final class ApiAccess {

    /** A handler that knows who is asking. */
    @FunctionalInterface
    public interface CallerHandler {
        void handle(HttpExchange exchange, Caller caller) throws IOException;
    }

    private final ApiTokens tokens;

    public ApiAccess(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public HttpHandler require(Set<Role> roles, CallerHandler handler) {
        return exchange -> {
            Optional<Caller> caller = tokens.fromHeader(exchange.getRequestHeaders().getFirst("Authorization"));
            if (caller.isEmpty()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"parkwatch\"");
                JsonResponses.error(exchange, 401, "unauthorized",
                    "send an API token: Authorization: Bearer <token>");
                return;
            }
            if (!roles.contains(caller.get().role())) {
                JsonResponses.error(exchange, 403, "forbidden", "a " + caller.get().role().name().toLowerCase()
                    + " token may not " + ("GET".equals(exchange.getRequestMethod()) ? "read " : "use ")
                    + exchange.getRequestURI().getPath());
                return;
            }
            handler.handle(exchange, caller.get());
        };
    }
}
