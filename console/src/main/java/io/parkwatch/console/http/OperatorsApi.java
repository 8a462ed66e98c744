package io.parkwatch.console.http;

import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.access.Role;
import io.parkwatch.console.board.AlertAckHandler;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertCommands;
import io.parkwatch.console.board.AlertListHandler;
import io.parkwatch.console.board.AlertStreamHandler;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

/** The operators' alert API: list (every role, an enterprise its own), acknowledge (operators), live stream. */
public final class OperatorsApi {

    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private OperatorsApi() {
    }

    public static void register(ConsoleHttpServer server, ApiTokens tokens, AlertBoard board, AlertCommands commands,
                                ParkZones parkZones, Clock clock) {
        register(server, tokens, board, commands, parkZones, clock, KEEP_ALIVE);
    }

    /** As above, with the live stream's keep-alive interval (tests shorten it). */
    public static void register(ConsoleHttpServer server, ApiTokens tokens, AlertBoard board, AlertCommands commands,
                         ParkZones parkZones, Clock clock, Duration keepAlive) {
        ApiAccess access = new ApiAccess(tokens);
        EnumSet<Role> everyone = EnumSet.allOf(Role.class);
        // The longest matching context wins: "/api/v1/alerts/" takes the ack paths, the exact list path stays.
        server.serve("/api/v1/alerts", access.require(everyone, new AlertListHandler(board, parkZones)));
        server.serve("/api/v1/alerts/", "POST", access.require(EnumSet.of(Role.OPERATOR),
            new AlertAckHandler(board, commands, clock)));
        server.serve("/api/v1/alerts/stream", access.require(everyone,
            new AlertStreamHandler(board, keepAlive, ConsoleHttpServer.STREAM_THREADS)));
    }
}
