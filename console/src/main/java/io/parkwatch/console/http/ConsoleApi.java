package io.parkwatch.console.http;

import com.sun.net.httpserver.HttpHandler;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.access.Role;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.coverage.CoverageBoardHandler;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.map.MapHandler;
import io.parkwatch.console.map.VehiclePositions;
import io.parkwatch.console.park.ParksHandler;
import io.parkwatch.console.points.LastReadings;
import io.parkwatch.console.points.PointSeries;
import io.parkwatch.console.points.SeriesHandler;
import io.parkwatch.console.state.ConsoleState;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * The console's endpoints: who am I, parks, the coverage board, a point's series and the park
 * map. The board and the map are the control room's (operator, bureau); a point's series is
 * every role's, an enterprise's own points only.
 */
public final class ConsoleApi {

    /** Where InfluxDB is read for the console. */
    public record Sources(PointSeries series, VehiclePositions positions, LastReadings lastReadings) {
    }

    private ConsoleApi() {
    }

    public static void register(ConsoleHttpServer server, ApiTokens tokens, ConsoleState state, Sources sources,
                                AlertBoard alerts, Clock clock) {
        ApiAccess access = new ApiAccess(tokens);
        Set<Role> everyone = EnumSet.allOf(Role.class);
        Set<Role> controlRoom = EnumSet.of(Role.OPERATOR, Role.BUREAU);
        serve(server, "/api/v1/me", access.require(everyone, new MeHandler()));
        serve(server, "/api/v1/parks", access.require(everyone, new ParksHandler(state.directory())));
        serve(server, "/api/v1/coverage/board", access.require(controlRoom,
            new CoverageBoardHandler(state.directory(), state.coverage(), sources.lastReadings())));
        serve(server, "/api/v1/points/series", access.require(everyone,
            new SeriesHandler(state.directory(), sources.series(), state.rules(), clock)));
        serve(server, "/api/v1/map", access.require(controlRoom,
            new MapHandler(state.directory(), state.rules(), sources.positions(), alerts)));
    }

    /** A context matches by prefix; these paths are exact, anything longer is not found. */
    private static void serve(ConsoleHttpServer server, String path, HttpHandler handler) {
        server.serve(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                JsonResponses.error(exchange, 404, "not_found", "no such path: " + exchange.getRequestURI().getPath());
                return;
            }
            handler.handle(exchange);
        });
    }
}
